import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

extension ExternalTool {
    static let assimp = ExternalTool(name: "assimp", package: "the Debian package assimp-utils (brew: assimp)")
}

/// The numbers `assimp info FILE` prints (post-processed: triangulated, split per material).
struct AssimpInfo {
    var meshes = 0, materials = 0, vertices = 0, faces = 0
    var minimum: [Double] = [], maximum: [Double] = []
    var textureRefs: [String] = []

    static func of(_ path: String) throws -> AssimpInfo {
        let output = try ExternalTool.assimp.run(["info", path]).output
        var info = AssimpInfo()
        var inTextureRefs = false
        for line in output.split(separator: "\n").map(String.init) {
            func value() -> Int { Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? -1 }
            func point() -> [Double] {
                guard let open = line.firstIndex(of: "("), let close = line.firstIndex(of: ")") else { return [] }
                return line[line.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
            }
            if inTextureRefs {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("'"), trimmed.hasSuffix("'") { info.textureRefs.append(String(trimmed.dropFirst().dropLast())); continue }
                inTextureRefs = false
            }
            if line.hasPrefix("Meshes:"), !line.contains("(name)") { info.meshes = value() }
            if line.hasPrefix("Materials:") { info.materials = value() }
            if line.hasPrefix("Vertices:") { info.vertices = value() }
            if line.hasPrefix("Faces:") { info.faces = value() }
            if line.hasPrefix("Minimum point") { info.minimum = point() }
            if line.hasPrefix("Maximum point") { info.maximum = point() }
            if line.hasPrefix("Texture Refs:") { inTextureRefs = true }
        }
        return info
    }
}

@Suite("OBJ, MTL, glTF and GLB: counts, bounding boxes and references, compared with assimp info")
struct GeometryTests {
    let inspector = FormatInspector()

    /// Two groups with a material each, quads and triangles, all three face-vertex forms, a negative
    /// index, a map option before a file name and a bump map.
    static let obj = """
        # made by hand for the tests
        mtllib scene.mtl
        o Crate
        v -1 -1 -1
        v 1 -1 -1
        v 1 1 -1
        v -1 1 -1
        v -1 -1 1
        v 1 -1 1
        v 1 1 1
        v -1 1 2.5
        vt 0 0
        vt 1 0
        vt 1 1
        vt 0 1
        vn 0 0 -1
        vn 0 0 1
        g front
        usemtl red
        s 1
        f 1/1/1 2/2/1 3/3/1 4/4/1
        f -4/1/2 -3/2/2 -2/3/2
        g back
        usemtl blue
        f 1//1 5//1 8//1 4//1
        f 2 6 7
        f 2/1 6/2 7/3 3/4 1/1

        """
    static let mtl = """
        newmtl red
        Kd 1 0 0
        map_Kd -s 1 1 1 -o 0.5 0.5 0 tex/red.png
        map_Bump -bm 0.5 tex/bump map.png
        newmtl blue
        Kd 0 0 1
        map_Kd tex/blue.png
        map_Pr -clamp on tex/rough.png

        """

    func scene(in folder: FixtureFolder) throws {
        try folder.write(Array(Self.obj.utf8), to: "scene.obj")
        try folder.write(Array(Self.mtl.utf8), to: "scene.mtl")
    }

    func expectBox(_ value: JSONValue?, _ info: AssimpInfo, _ comment: Comment? = nil) {
        guard case .object(let box)? = value, case .array(let minimum)? = box["min"], case .array(let maximum)? = box["max"] else {
            Issue.record("no bounding box: \(String(describing: value))")
            return
        }
        #expect(minimum == info.minimum.map(JSONValue.number) && maximum == info.maximum.map(JSONValue.number), comment)
    }

    @Test("OBJ: triangles, face corners, groups, materials and the bounding box match assimp info")
    func objMatchesAssimp() throws {
        let folder = try FixtureFolder()
        try scene(in: folder)
        let info = try AssimpInfo.of(folder.path("scene.obj"))
        let report = inspector.inspect(fileAt: folder.file("scene.obj"))
        #expect(report.format == .obj && report.issues == [], "\(report.issues)")
        let metadata = report.metadata
        #expect(metadata["vertices"] == .int(8) && metadata["texcoords"] == .int(4) && metadata["normals"] == .int(2))
        #expect(metadata["faces"] == .int(5))
        // assimp triangulates (faces) and makes one vertex per face corner (vertices).
        #expect(metadata["triangles"] == .int(info.faces))
        #expect(metadata["face_corners"] == .int(info.vertices))
        #expect(metadata["groups"] == .array([.string("front"), .string("back")]) && info.meshes == 2)
        #expect(metadata["materials_used"] == .array([.string("red"), .string("blue")]) && info.materials == 2)
        #expect(metadata["objects"] == .array([.string("Crate")]))
        expectBox(metadata["bounding_box"], info)
        #expect(report.references == [FileReference(path: "scene.mtl", kind: "material_library")])
    }

    @Test("MTL: materials and texture maps, options skipped, the same texture paths assimp lists")
    func mtlMatchesAssimp() throws {
        let folder = try FixtureFolder()
        try scene(in: folder)
        let info = try AssimpInfo.of(folder.path("scene.obj"))
        let report = inspector.inspect(fileAt: folder.file("scene.mtl"))
        #expect(report.format == .mtl && report.issues == [], "\(report.issues)")
        #expect(report.metadata["material_count"] == .int(2))
        #expect(report.references.map(\.path) == ["tex/red.png", "tex/bump map.png", "tex/blue.png", "tex/rough.png"])
        #expect(report.references.allSatisfy { $0.kind == "texture" && !$0.escapes })
        #expect(info.textureRefs == report.references.map(\.path), "assimp: \(info.textureRefs)")
        guard case .array(let materials)? = report.metadata["materials"], case .object(let red)? = materials.first else {
            Issue.record("no materials")
            return
        }
        #expect(red["name"] == .string("red"))
        #expect(red["textures"] == .array([
            .object(["slot": .string("diffuse"), "path": .string("tex/red.png")]),
            .object(["slot": .string("bump"), "path": .string("tex/bump map.png")]),
        ]))
    }

    @Test("MTL: -o, -s and -t take one to three numbers, as the spec says; the path follows them")
    func mapOptions() {
        // assimp 5.2.5 always takes three values after -o, so it reads this line as having no file at all.
        #expect(MTLHandler.mapPath("-o 0.5 0.5 tex/red.png").path == "tex/red.png")
        #expect(MTLHandler.mapPath("-s 2 tex/a b.png").path == "tex/a b.png")
        #expect(MTLHandler.mapPath("-mm 0 1 -imfchan r -blendu off t.png").path == "t.png")
        #expect(MTLHandler.mapPath("-bm 0.5").path == nil)
        let unknown = MTLHandler.mapPath("-zz t.png")
        #expect(unknown.path == "t.png" && unknown.problems.count == 1)
    }

    @Test("glTF and GLB exported by assimp: vertices, triangles, meshes, materials and bounding box match assimp info",
          arguments: ["scene.gltf", "scene.glb"])
    func gltfMatchesAssimp(_ name: String) throws {
        let folder = try FixtureFolder()
        try scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path(name)])
        let info = try AssimpInfo.of(folder.path(name))
        let report = inspector.inspect(fileAt: folder.file(name))
        #expect(report.format == (name.hasSuffix(".glb") ? .glb : .gltf))
        #expect(report.issues == [], "\(report.issues)")
        let metadata = report.metadata
        #expect(metadata["gltf_version"] == .string("2.0"))
        #expect(metadata["generator"].flatMap { if case .string(let text) = $0 { text.contains("assimp") } else { false } } == true)
        #expect(metadata["vertices"] == .int(info.vertices))
        #expect(metadata["triangles"] == .int(info.faces))
        #expect(metadata["meshes"] == .int(info.meshes) && metadata["primitives"] == .int(info.meshes))
        // assimp writes an unused DefaultMaterial too; the materials primitives use are what it reads back.
        #expect(metadata["materials_used"] == .int(info.materials))
        #expect(metadata["scenes"] == .int(1) && metadata["nodes"] != .int(0))
        expectBox(metadata["bounding_box"], info)
        let images = report.references.filter { $0.kind == "image" }.map(\.path)
        #expect(images == ["tex/red.png", "tex/blue.png"])  // the bump map has no glTF slot and is dropped
        if name.hasSuffix(".gltf") {
            #expect(report.references.filter { $0.kind == "buffer" }.map(\.path) == ["scene.bin"])
        } else {
            #expect(report.references.allSatisfy { $0.kind != "buffer" })
            #expect(metadata["glb_chunks"] == .array([.string("JSON"), .string("BIN")]))
        }
    }

    @Test("A GLB cut at every length, a huge declared chunk, garbage and bad JSON give issues, never a crash or hang")
    func damagedGLB() throws {
        let folder = try FixtureFolder()
        try scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("scene.glb")])
        let bytes = try folder.bytes("scene.glb")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for length in 1..<bytes.count {
                let report = inspector.inspect(Array(bytes.prefix(length)), fileName: "scene.glb")
                if report.format == .glb {
                    #expect(report.has(.glbTruncated), "cut at \(length): \(report.issues)")
                }
            }
        }
        #expect(elapsed < .seconds(30))
        // The JSON chunk declares 4 GiB - 1 bytes.
        var huge = bytes
        huge.replaceSubrange(12..<16, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(inspector.inspect(huge, fileName: "scene.glb").has(.glbTruncated))
        // The header declares a 4 GiB file.
        var long = bytes
        long.replaceSubrange(8..<12, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(inspector.inspect(long, fileName: "scene.glb").has(.glbTruncated))
        // Version 1 containers have another layout.
        var old = bytes
        old[4] = 1
        #expect(inspector.inspect(old, fileName: "scene.glb").has(.gltfUnsupportedVersion))
        // Garbage after the magic.
        var random = SplitMix64(seed: 7)
        let garbage = Array("glTF".utf8) + (0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        #expect(inspector.inspect(garbage, fileName: "x.glb").hasErrors)
        // Seeded mutations of both forms each finish fast.
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("scene.gltf")])
        for (name, valid) in [("scene.glb", bytes), ("scene.gltf", try folder.bytes("scene.gltf"))] {
            for index in 0..<300 {
                let mutated = MutationTests.mutate(valid, &random)
                let time = clock.measure { _ = inspector.inspect(mutated, fileName: name) }
                #expect(time < MutationTests.timeLimit, "\(name) case \(index) took \(time)")
            }
        }
    }

    @Test("glTF: truncated JSON, deep nesting, a missing asset and a version 1 asset are reported")
    func damagedGLTF() throws {
        let handler = GLTFHandler(format: .gltf)
        func codes(_ text: String) -> [FormatIssueCode] {
            handler.inspect(DataByteSource(Array(text.utf8)), limits: .standard).issues.map(\.code)
        }
        #expect(codes(#"{"asset": {"version": "2.0"}, "meshes": ["#).contains(.gltfParseError))
        #expect(codes("{\"asset\": " + String(repeating: "[", count: 100_000)).contains(.gltfParseError))
        #expect(codes(#"{"meshes": []}"#) == [.gltfParseError])
        #expect(codes(#"{"asset": {"version": "1.0"}}"#) == [.gltfUnsupportedVersion])
        #expect(codes(#"{"asset": {"version": "2.0"}, "meshes": [{"primitives": [{"attributes": {"POSITION": 99}}]}]}"#)
            == [.gltfParseError])
        #expect(codes(#"{"asset": {"version": "2.0"}, "accessors": [{"count": 1e300}], "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}, {"primitives": [{"attributes": {"POSITION": 0}}]}]}"#)
            == [.gltfParseError])
        let tight = FormatLimits(maxHeaderBytes: 16)
        #expect(handler.inspect(DataByteSource(Array(#"{"asset": {"version": "2.0"}}"#.utf8)), limits: tight).issues.map(\.code)
            == [.limitExceeded])
    }

    @Test("OBJ: malformed lines are obj_parse_error with their line number, listed up to a limit; assimp refuses a bad index")
    func malformedOBJ() throws {
        let folder = try FixtureFolder()
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nv 1 nan 0\nf 1 2\nf 1 2 9\nvn 1 0\nf 1/x 2 3\n"
        try folder.write(Array(text.utf8), to: "bad.obj")
        let report = inspector.inspect(fileAt: folder.file("bad.obj"))
        #expect(report.format == .obj)
        #expect(report.issues.map(\.code) == Array(repeating: .objParseError, count: 5), "\(report.issues)")
        #expect(report.issues.map { $0.message.prefix(7) } == ["line 5:", "line 6:", "line 7:", "line 8:", "line 9:"])
        #expect(report.metadata["faces"] == .int(1) && report.metadata["malformed_lines"] == .int(5))
        #expect(try ExternalTool.assimp.run(["info", folder.path("bad.obj")], allowFailure: true).status != 0)

        let handler = OBJHandler()
        let many = String(repeating: "v 1 2\n", count: 500)
        let issues = handler.inspect(DataByteSource(Array(many.utf8)), limits: .standard).issues
        #expect(issues.count == OBJHandler.maxListedErrors + 1)
        #expect(issues.last?.message.contains("450 more") == true)
        // One 4 MB line without a newline, and binary bytes, cost bounded memory and give issues.
        let line = handler.inspect(DataByteSource([UInt8](repeating: UInt8(ascii: "v"), count: 4 << 20)), limits: .standard)
        #expect(line.issues.map(\.code) == [.objParseError])
        var random = SplitMix64(seed: 11)
        let binary = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        #expect(!handler.inspect(DataByteSource(binary), limits: .standard).issues.isEmpty)
    }

    @Test("mtllib, texture, buffer and image paths outside the asset are flagged path_escapes_asset")
    func escapingReferences() throws {
        let obj = inspector.inspect(Array("mtllib ../../etc/passwd\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8), fileName: "a.obj")
        #expect(obj.format == .obj && obj.has(.pathEscapesAsset))
        #expect(obj.references == [FileReference(path: "../../etc/passwd", kind: "material_library")])

        let mtl = inspector.inspect(Array("newmtl m\nmap_Kd -bm 1.0 /etc/passwd\nbump tex/ok.png\n".utf8), fileName: "a.mtl")
        #expect(mtl.format == .mtl && mtl.has(.pathEscapesAsset))
        #expect(mtl.references.map(\.path) == ["/etc/passwd", "tex/ok.png"])
        #expect(mtl.references.map(\.escapes) == [true, false])

        let gltf = inspector.inspect(Array(#"""
            {"asset": {"version": "2.0"}, "buffers": [{"uri": "data:application/octet-stream;base64,AAAA", "byteLength": 3},
             {"uri": "%2E%2E/%2E%2E/etc/passwd", "byteLength": 1}], "images": [{"uri": "file:///etc/passwd"}, {"uri": "tex/a%20b.png"}]}
            """#.utf8), fileName: "a.gltf")
        #expect(gltf.format == .gltf)
        #expect(gltf.references.map(\.path) == ["../../etc/passwd", "file:///etc/passwd", "tex/a b.png"])
        #expect(gltf.references.map(\.escapes) == [true, true, false])
        #expect(gltf.issues.filter { $0.code == .pathEscapesAsset }.count == 2)
        #expect(gltf.metadata["embedded_buffers"] == .int(1))
    }
}
