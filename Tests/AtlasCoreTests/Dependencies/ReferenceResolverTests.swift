import AtlasCore
import Testing

@Suite("Resolving a path written in a file against the version's files")
struct ReferenceResolverTests {
    let files: Set<String> = [
        "scene/shot.usda", "scene/textures/albedo.exr", "textures/wood.1001.exr", "textures/wood.1002.exr",
        "geo/chair.obj", "geo/chair.mtl",
    ]

    @Test("A relative path is taken from the referring file's folder")
    func relative() {
        #expect(ReferenceResolver.resolve("textures/albedo.exr", from: "scene/shot.usda", within: files) == .inside(["scene/textures/albedo.exr"]))
        #expect(ReferenceResolver.resolve("./chair.mtl", from: "geo/chair.obj", within: files) == .inside(["geo/chair.mtl"]))
        #expect(ReferenceResolver.resolve("../textures/wood.1001.exr", from: "geo/chair.mtl", within: files) == .inside(["textures/wood.1001.exr"]))
    }

    @Test("UDIM and frame tokens stand for every file they match")
    func tokens() {
        let udim = ReferenceResolver.resolve("../textures/wood.<UDIM>.exr", from: "geo/chair.mtl", within: files)
        #expect(udim == .inside(["textures/wood.1001.exr", "textures/wood.1002.exr"]))
        #expect(ReferenceResolver.resolve("../textures/wood.####.exr", from: "geo/chair.mtl", within: files)
                == .inside(["textures/wood.1001.exr", "textures/wood.1002.exr"]))
    }

    @Test("What the version lacks is looked for in the library by file name")
    func library() {
        #expect(ReferenceResolver.resolve("maps/hdri_sky.exr", from: "scene/shot.usda", within: files) == .library(fileName: "hdri_sky.exr"))
        #expect(ReferenceResolver.resolve("textures\\\\rust.tif", from: "geo/chair.mtl", within: files) == .library(fileName: "rust.tif"))
    }

    @Test("Absolute paths and paths climbing out of the asset escape")
    func escapes() {
        for path in ["/etc/passwd", "../../etc/passwd", "C:/tex/a.tif", "file:///tmp/a.exr", "~/a.exr"] {
            #expect(ReferenceResolver.resolve(path, from: "geo/chair.mtl", within: files) == .escapes, "\(path)")
        }
    }
}
