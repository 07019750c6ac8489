import Foundation
import Testing
@testable import AtlasFormats

@Suite("Exporting files to other formats with the real tools")
struct FormatConverterTests {
    private func convert(_ folder: FixtureFolder, _ name: String, to target: ExportFormat) async throws -> [URL] {
        let out = try FixtureFolder()
        let made = try await FormatConverter().convert(InspectedFile.inspecting(name: name, url: folder.file(name)), to: target, in: out.url)
        // Keep the output folder alive by copying what was made next to the source.
        return try made.map { url in
            let copy = folder.file("out-" + url.lastPathComponent)
            try FileManager.default.copyItem(at: url, to: copy)
            return copy
        }
    }

    @Test("EXR with alpha → PNG: 8-bit RGBA through the view transform; → TIFF stays float")
    func images() async throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "constant:color=2,8,0.18,1", "64x32", "4", "-d", "half"], output: "hot.exr")
        let png = try OIIOInfo.of(try #require(try await convert(folder, "hot.exr", to: .png).first).path)
        #expect((png.width, png.height, png.channelCount, png.dataFormat) == (64, 32, 4, "uint8"))
        let tiff = try OIIOInfo.of(try #require(try await convert(folder, "hot.exr", to: .tiff).first).path)
        #expect(tiff.dataFormat == "float")
    }

    @Test("OBJ → glTF (with its buffer), → ASCII FBX that assimp reads back")
    func models() async throws {
        let folder = try FixtureFolder()
        try Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8).write(to: folder.file("tri.obj"))
        let gltf = try await convert(folder, "tri.obj", to: .gltf)
        #expect(gltf.map(\.lastPathComponent) == ["out-tri.gltf", "out-tri.bin"])
        let fbx = try #require(try await convert(folder, "tri.obj", to: .fbx).first)
        #expect(String(decoding: try Data(contentsOf: fbx).prefix(5), as: UTF8.self) == "; FBX")
        #expect(InspectedFile.inspecting(name: "tri.fbx", url: fbx).report.format == .fbxASCII)
    }

    @Test("usda → usdc through usd-core")
    func usd() async throws {
        let folder = try FixtureFolder()
        try Data("#usda 1.0\n(\n    defaultPrim = \"World\"\n)\n\ndef Xform \"World\"\n{\n}\n".utf8).write(to: folder.file("layer.usda"))
        var tools = ConversionTools(python: try ExternalTool.python.locate().path)
        tools.timeout = 120
        let out = try FixtureFolder()
        let made = try await FormatConverter(tools: tools).convert(InspectedFile.inspecting(name: "layer.usda", url: folder.file("layer.usda")),
                                                                  to: .usdc, in: out.url)
        #expect(try Data(contentsOf: made[0]).prefix(8) == Data("PXR-USDC".utf8))
    }

    @Test("An unsupported pair and a missing tool are refused with their codes; a truncated source fails")
    func refusals() async throws {
        let folder = try FixtureFolder()
        try Data("v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n".utf8).write(to: folder.file("tri.obj"))
        let obj = InspectedFile.inspecting(name: "tri.obj", url: folder.file("tri.obj"))
        let out = try FixtureFolder()
        await #expect(throws: ConversionProblem.self) { try await FormatConverter().convert(obj, to: .png, in: out.url) }
        var tools = ConversionTools()
        tools.assimp = "atlas-no-assimp-here"
        do {
            _ = try await FormatConverter(tools: tools).convert(obj, to: .gltf, in: out.url)
            Issue.record("converted without assimp")
        } catch {
            #expect(error.code == "tool_missing")
        }
        let tiff = try folder.oiiotool(["--pattern", "noise", "256x256", "3", "-d", "uint8", "--compression", "none"], output: "whole.tif")
        try folder.write(Array(tiff.prefix(tiff.count / 2)), to: "cut.tif")
        do {
            _ = try await FormatConverter().convert(InspectedFile.inspecting(name: "cut.tif", url: folder.file("cut.tif")), to: .png, in: out.url)
            Issue.record("converted a truncated TIFF")
        } catch {
            #expect(error.code == "export_failed" && error.reason.contains("tiff_truncated"), "\(error)")
        }
    }
}
