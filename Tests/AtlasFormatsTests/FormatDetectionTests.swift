import Foundation
import Testing
@testable import AtlasFormats

@Suite("Format detection by content, not by name")
struct FormatDetectionTests {
    let inspector = FormatInspector()

    static let magics: [(String, [UInt8], FileFormat)] = [
        ("OpenEXR", [0x76, 0x2f, 0x31, 0x01, 2, 0, 0, 0], .openEXR),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .png),
        ("JPEG", [0xFF, 0xD8, 0xFF, 0xE0], .jpeg),
        ("TIFF little-endian", Array("II*\0".utf8), .tiff),
        ("TIFF big-endian", [0x4D, 0x4D, 0x00, 0x2A], .tiff),
        ("BigTIFF", [0x49, 0x49, 0x2B, 0x00], .tiff),
        ("Radiance", Array("#?RADIANCE\n".utf8), .radianceHDR),
        ("RGBE", Array("#?RGBE\n".utf8), .radianceHDR),
        ("USD crate", Array("PXR-USDC".utf8) + [0, 0], .usdc),
        ("USD text", Array("#usda 1.0\n(\n)\n".utf8), .usda),
        ("GLB", Array("glTF".utf8) + [2, 0, 0, 0], .glb),
        ("FBX binary", Array("Kaydara FBX Binary  \0".utf8) + [0x1a, 0, 0x4c, 0x1d, 0, 0], .fbxBinary),
        ("FBX ASCII", Array("; FBX 7.5.0 project file\n".utf8), .fbxASCII),
        ("glTF JSON", Array("{\n  \"asset\": {\"version\": \"2.0\"},\n  \"scenes\": []\n}".utf8), .gltf),
        ("MaterialX", Array("<?xml version=\"1.0\"?>\n<materialx version=\"1.39\">\n".utf8), .materialX),
        ("OBJ", Array("# made by hand\nmtllib a.mtl\no cube\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8), .obj),
        ("MTL", Array("# materials\nnewmtl red\nKd 1 0 0\nmap_Kd -s 2 2 1 red.png\n".utf8), .mtl),
    ]

    @Test("Each format is recognised from its first bytes", arguments: magics)
    func magic(name: String, bytes: [UInt8], format: FileFormat) {
        #expect(FormatSniffer.detect(bytes) == format, "\(name)")
    }

    @Test("A zip whose first member is a USD layer is a usdz package; any other zip is a zip")
    func usdz() {
        func zip(firstMember name: String) -> [UInt8] {
            var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 22)
            bytes += [UInt8(name.utf8.count), 0, 0, 0] + Array(name.utf8)
            return bytes
        }
        #expect(FormatSniffer.detect(zip(firstMember: "chair.usdc")) == .usdz)
        #expect(FormatSniffer.detect(zip(firstMember: "textures/wood.png")) == .zip)
    }

    @Test("Plain text, random bytes and lone fragments are not mistaken for a format",
          arguments: ["hello world\nthis is a note\n", "{\"name\": \"not gltf\"}", "<html></html>", "v"])
    func notAFormat(text: String) {
        #expect(FormatSniffer.detect(Array(text.utf8)) == nil)
    }

    @Test("A zero-byte file is file_empty, whatever its name")
    func empty() {
        let report = inspector.inspect([], fileName: "plate.1001.exr")
        #expect(report.issues.map(\.code) == [.fileEmpty] && report.format == nil)
    }

    @Test("A PNG named .exr is reported as a PNG with a format_mismatch warning, and oiiotool agrees it is a PNG")
    func mislabelled() throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "checker", "16x8", "3", "-d", "uint8"], output: "image.png")
        try FileManager.default.moveItem(at: folder.file("image.png"), to: folder.file("plate.exr"))
        let report = inspector.inspect(fileAt: folder.file("plate.exr"))
        #expect(report.format == .png)
        #expect(report.issues.map(\.code) == [.formatMismatch])
        #expect(report.issues.first?.severity == .warning)
        #expect(report.image?.width == 16)
        #expect(try ExternalTool.oiiotool.run(["--info", folder.path("plate.exr")]).output.contains("png"))
    }

    @Test("An EXR named .tif is still an EXR, with a warning")
    func exrNamedTIFF() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "checker", "16x8", "3", "-d", "half"], output: "a.exr")
        let report = inspector.inspect(bytes, fileName: "a.jpg")
        #expect(report.format == .openEXR && report.issues.map(\.code) == [.formatMismatch])
        #expect(inspector.inspect(bytes, fileName: "a.tx").issues == [], ".tx textures may be EXR")
    }

    @Test("Bytes that match nothing under a known extension are format_unrecognized errors")
    func unrecognized() {
        let report = inspector.inspect(Array("not an image at all".utf8), fileName: "plate.exr")
        #expect(report.issues.map(\.code) == [.formatUnrecognized] && report.hasErrors)
        #expect(report.issues.first?.message.contains("OpenEXR") == true)
    }

    @Test("The report serialises to JSON with snake_case keys and stable issue codes")
    func reportJSON() throws {
        let report = inspector.inspect([], fileName: "x.png")
        let data = try JSONEncoder().encode(report.json)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"file_name\":\"x.png\"") && text.contains("\"code\":\"file_empty\""))
    }
}
