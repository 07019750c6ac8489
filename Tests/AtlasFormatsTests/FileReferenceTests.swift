import AtlasFormats
import Testing

@Suite("References to other files: which ones leave the asset")
struct FileReferenceTests {
    @Test("Relative paths inside the asset stay; absolute paths, drive letters, URLs and climbing out escape",
          arguments: [
              ("textures/albedo.exr", false), ("./a/../b.png", false), ("a/b/../../c.usda", false), ("tex.<UDIM>.exr", false),
              ("../shared/lib.usda", true), ("a/../../b", true), ("/etc/passwd", true), ("\\\\server\\share\\t.tif", true),
              ("C:/textures/t.tif", true), ("C:\\textures\\t.tif", true), ("~/t.exr", true), ("file:///tmp/x.exr", true),
          ])
    func escapes(_ path: String, _ expected: Bool) {
        let reference = FileReference(path: path, kind: "texture")
        #expect(reference.escapes == expected)
        #expect((reference.escapeIssue?.code == .pathEscapesAsset) == expected)
    }
}
