import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

@Suite("FBX: version, objects and textures natively; meshes, materials and bounding box through assimp info")
struct FBXTests {
    let inspector = FormatInspector()

    /// The OBJ+MTL scene of the geometry tests, exported by assimp as ASCII (`-ffbxa`) and binary FBX.
    func exported(in folder: FixtureFolder) throws {
        try GeometryTests().scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("ascii.fbx"), "-ffbxa"])
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("binary.fbx")])
    }

    @Test("ASCII FBX: version 7500, creator, object kinds, and the textures assimp reads back; assimp's counts equal the source OBJ's")
    func asciiMatchesAssimp() async throws {
        let folder = try FixtureFolder()
        try exported(in: folder)
        let info = try AssimpInfo.of(folder.path("ascii.fbx"))
        let source = try AssimpInfo.of(folder.path("scene.obj"))
        let report = await inspector.inspect(fileAt: folder.file("ascii.fbx"), tools: try .forTests())
        #expect(report.format == .fbxASCII && report.issues == [], "\(report.issues)")
        #expect(report.metadata["fbx_version"] == .int(7500) && report.metadata["fbx_encoding"] == "ascii")
        #expect(report.metadata["creator"]?.stringValue?.contains("Assimp") == true)
        #expect(report.metadata["object_counts"]?["Geometry"] == .int(info.meshes))
        // The textures of the MTL the FBX was made from; assimp's Texture Refs list all but the
        // roughness map, which its FBX reader keeps as a raw property only.
        let mtl = inspector.inspect(fileAt: folder.file("scene.mtl"))
        #expect(Set(report.references.map(\.path)) == Set(mtl.references.map(\.path)))
        #expect(Set(info.textureRefs).isSubset(of: Set(report.references.map(\.path))), "assimp: \(info.textureRefs)")
        #expect(report.references.allSatisfy { $0.kind == "texture" && !$0.escapes })
        // The tool pass: assimp's reading of the FBX, the same as of the OBJ it was made from.
        let assimp = try #require(report.metadata["assimp"])
        #expect(assimp["meshes"] == .int(source.meshes) && assimp["materials"] == .int(source.materials))
        #expect(assimp["vertices"] == .int(source.vertices) && assimp["faces"] == .int(source.faces))
        #expect(assimp["bounding_box"]?["min"] == .array(source.minimum.map(JSONValue.number)))
        #expect(assimp["bounding_box"]?["max"] == .array(source.maximum.map(JSONValue.number)))
        #expect(assimp["material_names"]?.strings == ["red", "blue"] && assimp["mesh_names"]?.strings == ["front", "back"])
    }

    @Test("Binary FBX from Debian's assimp: the node walk finds what the ASCII export says; assimp cannot read it back, a warning")
    func binaryReadNatively() async throws {
        let folder = try FixtureFolder()
        try exported(in: folder)
        let bytes = try folder.bytes("binary.fbx")
        #expect(Array(bytes.prefix(23)) == FBXBinaryRecords.magic)
        let version = Int(bytes[23]) | Int(bytes[24]) << 8 | Int(bytes[25]) << 16 | Int(bytes[26]) << 24
        let ascii = inspector.inspect(fileAt: folder.file("ascii.fbx"))
        let report = await inspector.inspect(fileAt: folder.file("binary.fbx"), tools: try .forTests())
        #expect(report.format == .fbxBinary)
        #expect(report.metadata["fbx_version"] == .int(version) && version == 7500)
        #expect(report.metadata["object_counts"] == ascii.metadata["object_counts"])
        #expect(report.metadata["creator"] == ascii.metadata["creator"])
        #expect(report.references == ascii.references)
        // assimp 5.2.5 fails on its own binary FBX 7.5 (FBX-Tokenize: block offset is out of range).
        #expect(try ExternalTool.assimp.run(["info", folder.path("binary.fbx")], allowFailure: true).status != 0)
        #expect(report.issues.map(\.code) == [.assimpReadFailed] && report.issues.first?.severity == .warning, "\(report.issues)")
        #expect(report.metadata["assimp"] == nil)
    }

    @Test("Texture paths: RelativeFilename wins over the author's absolute FileName; an escaping one is flagged and kept")
    func texturePaths() throws {
        let folder = try FixtureFolder()
        try exported(in: folder)
        var text = String(decoding: try folder.bytes("ascii.fbx"), as: UTF8.self)
        text = text.replacingOccurrences(of: "FileName: \"tex/red.png\"", with: "FileName: \"C:\\\\Users\\\\bob\\\\tex\\\\red.png\"")
        text = text.replacingOccurrences(of: "RelativeFilename: \"tex/blue.png\"", with: "RelativeFilename: \"../../etc/passwd\"")
        let report = inspector.inspect(Array(text.utf8), fileName: "edited.fbx")
        #expect(report.references.map(\.path).sorted() == ["../../etc/passwd", "tex/bump map.png", "tex/red.png", "tex/rough.png"])
        #expect(report.has(.pathEscapesAsset))
    }

    @Test("FBX cut at any length (even in its footer), with inflated offsets or unbalanced braces gives fbx_truncated or fbx_parse_error")
    func damaged() throws {
        let folder = try FixtureFolder()
        try exported(in: folder)
        let binary = try folder.bytes("binary.fbx")
        for length in stride(from: 1, to: binary.count, by: 7) {
            let report = inspector.inspect(Array(binary.prefix(length)), fileName: "cut.fbx")
            guard report.format == .fbxBinary else { continue }  // too short to carry the magic
            #expect(report.has(.fbxTruncated) || report.has(.fbxParseError), "cut at \(length): \(report.issues)")
        }
        #expect(inspector.inspect(Array(binary.prefix(binary.count - 1)), fileName: "cut.fbx").issues.map(\.code) == [.fbxTruncated])
        // The first record's end offset (64-bit from 7.5 on) points far past the file.
        var huge = binary
        huge.replaceSubrange(27..<35, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(inspector.inspect(huge, fileName: "huge.fbx").has(.fbxTruncated))
        // A record whose properties claim more bytes than the record holds.
        var lying = binary
        lying.replaceSubrange(43..<51, with: [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        #expect(inspector.inspect(lying, fileName: "lying.fbx").has(.fbxParseError))

        let ascii = try folder.bytes("ascii.fbx")
        let cut = inspector.inspect(Array(ascii.prefix(ascii.count / 2)), fileName: "cut.fbx")
        #expect(cut.format == .fbxASCII && cut.issues.map(\.code) == [.fbxTruncated], "\(cut.issues)")
        let header = inspector.inspect(Array(ascii.prefix(40)), fileName: "cut.fbx")
        #expect(header.issues.map(\.code) == [.fbxTruncated], "cut in its opening comments: \(header.issues)")
        let stray = inspector.inspect(Array("; FBX 7.5.0 project file\nObjects: {\n}\n}\n".utf8), fileName: "x.fbx")
        #expect(stray.issues.map(\.code) == [.fbxParseError])
        #expect(stray.issues.first?.message.hasPrefix("line 4") == true)
    }
}

@Suite("glTF and GLB through assimp: its counts beside the native ones; buffers outside the asset are never handed to it")
struct AssimpPassTests {
    let inspector = FormatInspector()

    @Test("assimp's meshes, faces and bounding box agree with what the native glTF reader counts", arguments: ["scene.gltf", "scene.glb"])
    func agrees(_ name: String) async throws {
        let folder = try FixtureFolder()
        try GeometryTests().scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path(name)])
        let report = await inspector.inspect(fileAt: folder.file(name), tools: try .forTests())
        #expect(report.issues == [], "\(report.issues)")
        let assimp = try #require(report.metadata["assimp"])
        #expect(assimp["meshes"] == report.metadata["primitives"])
        #expect(assimp["faces"] == report.metadata["triangles"])
        #expect(assimp["materials"] == report.metadata["materials_used"])
        #expect(assimp["bounding_box"] == report.metadata["bounding_box"])
    }

    @Test("A glTF whose buffer is missing is assimp_read_failed; one whose buffer is outside the asset is not given to assimp at all")
    func buffers() async throws {
        let folder = try FixtureFolder()
        try GeometryTests().scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("scene.gltf")])
        try FileManager.default.removeItem(at: folder.file("scene.bin"))
        let missing = await inspector.inspect(fileAt: folder.file("scene.gltf"), tools: try .forTests())
        #expect(missing.issues.map(\.code) == [.assimpReadFailed], "\(missing.issues)")
        let text = String(decoding: try folder.bytes("scene.gltf"), as: UTF8.self).replacingOccurrences(of: "\"scene.bin\"", with: "\"../scene.bin\"")
        try folder.write(Array(text.utf8), to: "escaping.gltf")
        let escaping = await inspector.inspect(fileAt: folder.file("escaping.gltf"), tools: try .forTests())
        #expect(Set(escaping.issues.map(\.code)) == [.pathEscapesAsset, .toolSkipped], "\(escaping.issues)")
        #expect(escaping.metadata["assimp"] == nil)
    }
}
