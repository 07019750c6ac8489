import Foundation
import Testing
@testable import AtlasFormats

@Suite("Preview and export commands are built from what the files are")
struct PreviewCommandTests {
    @Test("A preview never enlarges: an image fitting the limit keeps its size, a larger one is scaled to it keeping its aspect")
    func sizes() {
        #expect(PreviewSize.fitting(width: 400, height: 300, longestSide: 512) == nil)
        #expect(PreviewSize.fitting(width: 512, height: 100, longestSide: 512) == nil)
        #expect(PreviewSize.fitting(width: 3000, height: 1500, longestSide: 2048)! == (2048, 1024))
        #expect(PreviewSize.fitting(width: 1080, height: 1920, longestSide: 512)! == (288, 512))
        #expect(PreviewSize.fitting(width: 10000, height: 1, longestSide: 512)! == (512, 1))
    }

    @Test("Colour channels: R,G,B first, then a layer's, then Y or the first channel as grey; alpha only when asked",
          arguments: [
            (["R", "G", "B", "A"], false, "R,G,B"),
            (["R", "G", "B", "A"], true, "R,G,B,A"),
            (["Z", "beauty.B", "beauty.G", "beauty.R", "beauty.A"], true, "R=beauty.R,G=beauty.G,B=beauty.B,A=beauty.A"),
            (["Y"], false, "R=Y,G=Y,B=Y"),
            (["Y", "A"], true, "R=Y,G=Y,B=Y,A"),
            (["Z"], false, "R=Z,G=Z,B=Z"),
            (["a,b", "depth"], false, "R=depth,G=depth,B=depth"),
          ])
    func channels(names: [String], alpha: Bool, expected: String) {
        #expect(ChannelSelection.argument(for: names, keepingAlpha: alpha) == expected)
    }

    @Test("Contact sheets show up to 16 evenly spaced frames, first and last included, in a grid as square as possible")
    func contactSheetFrames() {
        let frames = Array(1001...1100)
        let picked = ContactSheetCommand.evenlySpaced(frames)
        #expect(picked.count == 16)
        #expect(picked.first == 1001 && picked.last == 1100)
        #expect(picked == picked.sorted())
        #expect(ContactSheetCommand.evenlySpaced([1, 2, 3]) == [1, 2, 3])
        #expect(ContactSheetCommand.grid(for: 16) == (4, 4))
        #expect(ContactSheetCommand.grid(for: 5) == (3, 2))
        #expect(ContactSheetCommand.grid(for: 2) == (2, 1))
        let sheet = ContactSheetCommand(frames: ["a", "b", "c", "d"], reference: ImageSummary(width: 4096, height: 2160,
                                        channelNames: ["R", "G", "B"], bitsPerSample: 16, isFloat: true), output: "s.jpg")
        let tile = sheet.tileSize
        #expect(tile.width * 2 + ContactSheetCommand.padding <= 2048 && tile.width > 1000, "two 4K tiles across fit 2048")
    }

    @Test("Scene-linear images go through the view transform after scaling; display images do not")
    func viewTransformOnlyForFloat() throws {
        let exr = ImagePreviewCommand(input: "in.exr", image: ImageSummary(width: 4000, height: 2000, channelNames: ["R", "G", "B"],
                                                                           bitsPerSample: 16, isFloat: true),
                                      outputs: [.thumbnail: "t.jpg", .proxy: "p.jpg"]).arguments
        let resize = try #require(exr.firstIndex(of: "--resize"))
        let curve = try #require(exr.firstIndex(of: "--colorconvert"))
        #expect(resize < curve, "scaled while linear")
        #expect(exr[resize + 1] == "2048x1024")
        #expect(exr.firstIndex(of: "p.jpg")! < exr.firstIndex(of: "t.jpg")!, "the proxy is written first, the thumbnail made from it")
        #expect(exr.contains("--nosoftwareattrib") && exr.contains("--eraseattrib"))
        let png = ImagePreviewCommand(input: "in.png", image: ImageSummary(width: 300, height: 200, channelNames: ["R", "G", "B", "A"],
                                                                           bitsPerSample: 8, isFloat: false),
                                      outputs: [.thumbnail: "t.jpg", .proxy: "p.jpg"]).arguments
        #expect(!png.contains("--colorconvert") && !png.contains("--resize"))
    }

    @Test("A tool's reason is its error line with the server's folders taken out")
    func reasons() {
        let stderr = """
            oiiotool ERROR: read : Failed OpenEXR read: Error reading pixel data from image file "/srv/tmp/ws/files/plates/cut.exr". Unexpected end of file.
            Full command line was:
            > oiiotool /srv/tmp/ws/files/plates/cut.exr -o /srv/tmp/ws/output/proxy.jpg
            """
        let line = ToolProblem.errorLine(in: stderr) ?? ""
        let reason = ToolProblem.hide(["/srv/tmp/ws/files", "/srv/tmp/ws/output"], in: line)
        #expect(reason == "oiiotool ERROR: read : Failed OpenEXR read: Error reading pixel data from image file \"plates/cut.exr\". Unexpected end of file.")
    }

    @Test("Which tool converts which pair, and which pairs are refused",
          arguments: [
            (FileFormat.openEXR, ExportFormat.png, ConversionTool.oiiotool),
            (.radianceHDR, .exr, .oiiotool), (.png, .tiff, .oiiotool),
            (.obj, .gltf, .assimp), (.fbxBinary, .fbx, .assimp), (.glb, .obj, .assimp),
            (.usda, .usdc, .usdCore), (.usdc, .usda, .usdCore),
          ])
    func supportedPairs(source: FileFormat, target: ExportFormat, tool: ConversionTool) throws {
        #expect(try ConversionTool.converting(source, to: target) == tool)
    }

    @Test("Pairs across kinds, or to the format the file already has, are export_unsupported",
          arguments: [(FileFormat.obj, ExportFormat.png), (.openEXR, .obj), (.usda, .gltf), (.png, .png), (.fbxASCII, .fbx), (.usdz, .usda)])
    func refusedPairs(source: FileFormat, target: ExportFormat) {
        #expect(throws: ConversionProblem.self) { try ConversionTool.converting(source, to: target) }
        #expect((try? ConversionTool.converting(source, to: target)) == nil)
    }

    @Test("An export keeps the file's stem with the target's extension; FBX is written as ASCII")
    func naming() {
        #expect(FormatConverter.outputName(for: "models/chair.obj", as: .gltf) == "chair.gltf")
        #expect(FormatConverter.outputName(for: "plate.1001.exr", as: .jpeg) == "plate.1001.jpg")
        #expect(GeometryConversionCommand(input: "a.obj", target: .fbx, output: "a.fbx").arguments.last == "-ffbxa")
    }
}
