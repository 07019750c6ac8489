import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

@Suite("OpenEXR headers, compared with exrheader")
struct EXRHeaderTests {
    let inspector = FormatInspector()

    func header(_ bytes: [UInt8]) throws -> EXRHeader {
        try EXRHeaderParser.parse(bytes: bytes, limits: .standard)
    }

    /// Asserts that every part agrees with exrheader: attribute names and types, channels, windows, compression, type.
    func expectAgreement(_ folder: FixtureFolder, _ name: String) throws {
        let tool = ExrheaderOutput(try ExternalTool.exrheader.run([folder.path(name)]).output)
        let parsed = try header(try folder.bytes(name))
        #expect(parsed.flags == tool.flags)
        try #require(parsed.parts.count == tool.parts.count)
        for (part, printed) in zip(parsed.parts, tool.parts) {
            var ours = Dictionary(uniqueKeysWithValues: part.attributes.map { ($0.name, $0.typeName) })
            // The OpenEXR library gives every part a `type` when it reads one, so exrheader prints a type that a
            // single-part file need not store; ours is then derived from the flags and must be the same.
            if ours["type"] == nil, printed.attributes["type"] != nil { ours["type"] = "string" }
            #expect(ours == printed.attributes.mapValues(\.type))
            #expect(part.channels.map { "\($0.name) \($0.pixelType.name) \($0.xSampling) \($0.ySampling)" }
                    == printed.channels.map { "\($0.0) \($0.1) \($0.2) \($0.3)" })
            let box = { (b: EXRBox) in "(\(b.xMin) \(b.yMin)) - (\(b.xMax) \(b.yMax))" }
            #expect(box(part.dataWindow) == printed.attributes["dataWindow"]?.value)
            #expect(box(part.displayWindow) == printed.attributes["displayWindow"]?.value)
            #expect(part.compression.name == printed.attributes["compression"].flatMap { ExrheaderOutput.compressionLabels[$0.value] })
            if let type = printed.attributes["type"] { #expect("\"\(part.typeName)\"" == type.value) }
        }
    }

    @Test("A scanline EXR written by oiiotool reads as exrheader reports it")
    func scanline() throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "constant:color=0.5,0.25,0.125,1", "64x32", "4", "-d", "half", "--compression", "zip"],
                            output: "plate.exr")
        try expectAgreement(folder, "plate.exr")
        let report = inspector.inspect(fileAt: folder.file("plate.exr"))
        #expect(report.format == .openEXR)
        #expect(report.issues == [])
        #expect(report.image == ImageSummary(width: 64, height: 32, channelNames: ["R", "G", "B", "A"], bitsPerSample: 16, isFloat: true))
        let part = try #require(try header(try folder.bytes("plate.exr")).parts.first)
        #expect(part.channels.map(\.name) == ["A", "B", "G", "R"], "stored sorted by name")
        #expect(part.type == .scanlineImage && part.lineOrder == .increasingY && part.pixelAspectRatio == 1)
        #expect(part.attribute("Software")?.typeName == "string", "custom string attributes are kept")
    }

    @Test("Every compression the OpenEXR 3.1 tools know is named as exrheader names it",
          arguments: ["none", "rle", "zips", "zip", "piz", "pxr24", "b44", "b44a", "dwaa", "dwab"])
    func compressions(name: String) throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "checker", "64x40", "3", "-d", "half", "--compression", name], output: "c.exr")
        try expectAgreement(folder, "c.exr")
        let report = inspector.inspect(fileAt: folder.file("c.exr"))
        #expect(report.issues == [], "a whole file has no issues")
        #expect(try header(try folder.bytes("c.exr")).parts[0].compression.name == name)
    }

    @Test("A multi-part file gives every part: name, type, channels, compression, tiling and custom attributes")
    func multipart() throws {
        let folder = try FixtureFolder()
        try EXRFixtures.multipart(in: folder)
        try expectAgreement(folder, "multi.exr")
        let parsed = try header(try folder.bytes("multi.exr"))
        #expect(parsed.isMultipart)
        #expect(parsed.parts.map(\.name) == ["beauty", "diffuse"])
        #expect(parsed.parts.map(\.type) == [.scanlineImage, .tiledImage])
        #expect(parsed.parts.map(\.compression.name) == ["piz", "zip"])
        let beauty = parsed.parts[0], diffuse = parsed.parts[1]
        #expect(beauty.channels.map(\.pixelType) == [.half, .half, .half, .float])
        #expect(beauty.channelNamesInDisplayOrder == ["R", "G", "B", "Z"])
        #expect(beauty.attribute("shot")?.value == .string("sh010"))
        #expect(beauty.attribute("frameNum")?.value == .int(1001))
        #expect(beauty.attribute("myVec").map { ($0.typeName, $0.value) } ?? ("", .int(0)) == ("v3f", .floats([1, 2, 3])))
        #expect(beauty.attribute("exposure")?.value == .float(1.5))
        #expect(diffuse.tiles == EXRTileDescription(width: 16, height: 16, levelMode: .one, roundingMode: .down))
        #expect(diffuse.channels.map(\.layer) == ["diffuse"])
        #expect(diffuse.declaredChunkCount == 6)
        #expect(inspector.inspect(fileAt: folder.file("multi.exr")).issues == [])
    }

    @Test("A deep scanline file is deep, with the chunk count OpenEXR wrote")
    func deep() throws {
        let folder = try FixtureFolder()
        try EXRFixtures.deep(in: folder)
        try expectAgreement(folder, "deep.exr")
        let parsed = try header(try folder.bytes("deep.exr"))
        #expect(parsed.hasNonImageParts && !parsed.isMultipart)
        #expect(parsed.parts[0].type == .deepScanline && parsed.parts[0].isDeep)
        #expect(parsed.parts[0].declaredChunkCount == 16)
        let report = inspector.inspect(fileAt: folder.file("deep.exr"))
        #expect(report.issues == [])
        #expect(report.metadata["parts"].flatMap { if case .array(let p) = $0, case .object(let o) = p[0] { o["deep"] } else { nil } } == .bool(true))
    }

    @Test("A mip-mapped tiled texture (oiiotool -otex) has its tiles and level mode, and its whole offset table checks out")
    func mipmappedTexture() throws {
        let folder = try FixtureFolder()
        try ExternalTool.oiiotool.run(["--pattern", "checker", "100x50", "3", "-d", "half", "-otex", folder.path("tex.exr")])
        try expectAgreement(folder, "tex.exr")
        let part = try header(try folder.bytes("tex.exr")).parts[0]
        #expect(part.tiles == EXRTileDescription(width: 64, height: 64, levelMode: .mipmap, roundingMode: .down))
        // Levels 100×50, 50×25, 25×12, 12×6, 6×3, 3×1, 1×1: 2 + 6 × 1 tiles of 64.
        #expect(try EXRChunkLayout.chunkCount(of: part, maxChunks: 1000) == 8)
        #expect(inspector.inspect(fileAt: folder.file("tex.exr")).issues == [])
    }

    @Test("Overscan: the data window may start at negative coordinates outside the display window")
    func overscan() throws {
        let folder = try FixtureFolder()
        try folder.oiiotool(["--pattern", "checker", "80x48", "3", "-d", "half", "--origin", "-8-4", "--fullsize", "64x40+0+0"],
                            output: "overscan.exr")
        try expectAgreement(folder, "overscan.exr")
        let part = try header(try folder.bytes("overscan.exr")).parts[0]
        #expect(part.dataWindow == EXRBox(xMin: -8, yMin: -4, xMax: 71, yMax: 43))
        #expect(part.displayWindow == EXRBox(xMin: 0, yMin: 0, xMax: 63, yMax: 39))
        #expect(inspector.inspect(fileAt: folder.file("overscan.exr")).issues == [])
    }

    @Test("zstd (id 13, OpenEXR 3.5) is an unsupported-compression warning, never a corrupt header")
    func zstdIsUnsupported() throws {
        let folder = try FixtureFolder()
        try EXRFixtures.zstd(in: folder)
        let report = inspector.inspect(fileAt: folder.file("zstd.exr"))
        #expect(report.issues.map(\.code) == [.exrUnsupportedCompression])
        #expect(report.issues.first?.severity == .warning)
        #expect(report.issues.first?.message.contains("zstd (13)") == true)
        #expect(report.image?.width == 30)
        // The Debian tools cannot read it at all: the header is fine, the decoder is old.
        let printed = try ExternalTool.exrheader.run([folder.path("zstd.exr")], allowFailure: true)
        #expect(printed.status != 0 || printed.output.contains("Unknown compression"))
    }

    @Test("A compression id no OpenEXR defines is an unsupported-compression error")
    func unknownCompression() throws {
        let folder = try FixtureFolder()
        var bytes = try folder.oiiotool(["--pattern", "checker", "16x16", "3", "-d", "half"], output: "c.exr")
        try EXRFixtures.patch(&bytes, attribute: "compression", type: "compression", with: [200])
        let report = inspector.inspect(bytes, fileName: "c.exr")
        #expect(report.issues.map(\.code) == [.exrUnsupportedCompression])
        #expect(report.issues.first?.severity == .error)
        #expect(!report.has(.headerCorrupt))
    }

    @Test("An EXR cut in its pixel data is exr_truncated, although exrheader still reads its header")
    func truncatedPixels() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "noise", "64x64", "3", "-d", "half", "--compression", "none"], output: "full.exr")
        try folder.write(Array(bytes.prefix(bytes.count * 2 / 3)), to: "cut.exr")
        #expect(try ExternalTool.exrheader.run([folder.path("cut.exr")], allowFailure: true).status == 0)
        let report = inspector.inspect(fileAt: folder.file("cut.exr"))
        #expect(report.has(.exrTruncated))
        #expect(report.image?.width == 64, "the header is still reported")
    }

    @Test("An EXR cut inside its header or its offset table is exr_truncated", arguments: [20, 100, 300])
    func truncatedHeader(length: Int) throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "checker", "64x64", "3", "-d", "half"], output: "full.exr")
        let report = inspector.inspect(Array(bytes.prefix(length)), fileName: "cut.exr")
        #expect(report.issues.map(\.code).contains(.exrTruncated), "\(report.issues)")
    }

    @Test("A file whose offset table was never filled in is exr_truncated, as exrheader calls it incomplete")
    func unfinishedOffsetTable() throws {
        let folder = try FixtureFolder()
        try EXRFixtures.unfinishedMipmap(in: folder, name: "unfinished.exr")
        let printed = ExrheaderOutput(try ExternalTool.exrheader.run([folder.path("unfinished.exr")]).output)
        #expect(printed.incomplete)
        let report = inspector.inspect(fileAt: folder.file("unfinished.exr"))
        #expect(report.issues.map(\.code) == [.exrTruncated])
        #expect(report.issues.first?.message.contains("6 of 12") == true, "\(report.issues)")
    }

    @Test("A few hundred bytes declaring a 1,000,000 × 1,000,000 image are image_too_large, and nothing is allocated")
    func absurdSize() throws {
        let folder = try FixtureFolder()
        var bytes = try folder.oiiotool(["--pattern", "checker", "16x16", "3", "-d", "half"], output: "small.exr")
        try EXRFixtures.patch(&bytes, attribute: "dataWindow", type: "box2i", with: EXRFixtures.int32LE(0, 0, 999_999, 999_999))
        let report = inspector.inspect(bytes, fileName: "huge.exr")
        #expect(report.issues.map(\.code) == [.imageTooLarge])
        #expect(report.image?.width == 1_000_000)
    }

    @Test("An empty data window is a corrupt header")
    func emptyDataWindow() throws {
        let folder = try FixtureFolder()
        var bytes = try folder.oiiotool(["--pattern", "checker", "16x16", "3", "-d", "half"], output: "small.exr")
        try EXRFixtures.patch(&bytes, attribute: "dataWindow", type: "box2i", with: EXRFixtures.int32LE(10, 0, 5, 15))
        #expect(inspector.inspect(bytes, fileName: "bad.exr").issues.map(\.code) == [.headerCorrupt])
    }

    @Test("Level counts and sizes follow OpenEXR's rounding rules for mip-maps and rip-maps")
    func levelLayout() {
        let mipDown = EXRTileDescription(width: 16, height: 16, levelMode: .mipmap, roundingMode: .down)
        #expect(EXRChunkLayout.levels(width: 48, height: 32, tiles: mipDown).map { "\($0.0)x\($0.1)" }
                == ["48x32", "24x16", "12x8", "6x4", "3x2", "1x1"])
        let mipUp = EXRTileDescription(width: 16, height: 16, levelMode: .mipmap, roundingMode: .up)
        #expect(EXRChunkLayout.levels(width: 5, height: 3, tiles: mipUp).map { "\($0.0)x\($0.1)" } == ["5x3", "3x2", "2x1", "1x1"])
        let rip = EXRTileDescription(width: 4, height: 4, levelMode: .ripmap, roundingMode: .down)
        #expect(EXRChunkLayout.levels(width: 8, height: 4, tiles: rip).count == 4 * 3)
    }
}
