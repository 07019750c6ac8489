import AtlasCore
import Foundation
import Testing
@testable import AtlasFormats

@Suite("PNG, JPEG, TIFF and Radiance HDR headers, compared with oiiotool --info")
struct ImageHeaderTests {
    let inspector = FormatInspector()

    /// Makes `name` with oiiotool and checks size, channel count and names against `oiiotool --info -v`.
    func made(_ arguments: [String], _ name: String, in folder: FixtureFolder) throws -> (FormatReport, OIIOInfo) {
        try folder.oiiotool(arguments, output: name)
        let info = try OIIOInfo.of(folder.path(name))
        let report = inspector.inspect(fileAt: folder.file(name))
        let image = try #require(report.image, "\(report.issues)")
        #expect(image.width == info.width && image.height == info.height)
        #expect(image.channelNames.count == info.channelCount)
        return (report, info)
    }

    @Test("PNG: size, channels and bit depth by colour type, as oiiotool reports them",
          arguments: [(3, "uint8", 8), (4, "uint16", 16), (1, "uint8", 8), (2, "uint16", 16)])
    func png(channels: Int, format: String, bits: Int) throws {
        let folder = try FixtureFolder()
        let (report, info) = try made(["--pattern", "checker", "40x24", "\(channels)", "-d", format], "a.png", in: folder)
        #expect(report.format == .png && report.issues == [])
        #expect(info.dataFormat == format)
        #expect(report.image?.bitsPerSample == bits)
        #expect(report.metadata["color_type"] == .int([1: 0, 2: 4, 3: 2, 4: 6][channels]!))
        #expect(report.image?.channelNames == info.channelNames || channels < 3)
    }

    @Test("PNG: a file cut short is png_truncated and a flipped byte in IHDR is png_crc_mismatch, though iinfo reads both")
    func pngDamage() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "noise", "64x64", "3", "-d", "uint8"], output: "a.png")
        #expect(inspector.inspect(Array(bytes.prefix(bytes.count / 2)), fileName: "a.png").has(.pngTruncated))
        var flipped = bytes
        flipped[20] ^= 0x01  // inside IHDR's width
        #expect(inspector.inspect(flipped, fileName: "a.png").has(.pngCRCMismatch))
    }

    @Test("PNG: sRGB, gAMA, iCCP and cHRM chunks are reported when present")
    func pngColourChunks() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "checker", "8x8", "3", "-d", "uint8"], output: "a.png")
        // Insert an sRGB chunk (intent 0) and a gAMA chunk (1/2.2) after IHDR, with correct CRCs.
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            let crc = CRC32.checksum(body)
            return [0, 0, 0, UInt8(data.count)] + body + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: crc >> $0) }
        }
        let withChunks = Array(bytes[0..<33]) + chunk("sRGB", [0]) + chunk("gAMA", [0, 0, 0xB1, 0x8F]) + Array(bytes[33...])
        let report = inspector.inspect(withChunks, fileName: "a.png")
        #expect(report.issues == [])
        #expect(report.metadata["srgb"] == .bool(true) && report.metadata["gamma"] == .number(0.45455))
        #expect(try OIIOInfo.of({ try folder.write(withChunks, to: "b.png"); return folder.path("b.png") }()).width == 8)
    }

    @Test("JPEG: baseline and progressive frames give size, components and precision; a cut file is jpeg_truncated")
    func jpeg() throws {
        let folder = try FixtureFolder()
        let (report, _) = try made(["--pattern", "noise", "64x48", "3", "-d", "uint8"], "a.jpg", in: folder)
        #expect(report.issues == [])
        #expect(report.metadata["precision"] == .int(8) && report.metadata["components"] == .int(3))
        #expect(report.metadata["progressive"] == .bool(false) && report.metadata["exif"] == .bool(true))
        let (gray, _) = try made(["--pattern", "noise", "30x20", "1", "-d", "uint8"], "g.jpg", in: folder)
        #expect(gray.image?.channelNames == ["Y"])
        let (progressive, _) = try made(["--pattern", "noise", "64x48", "3", "-d", "uint8", "--attrib", "jpeg:progressive", "1"],
                                        "p.jpg", in: folder)
        #expect(progressive.metadata["progressive"] == .bool(true))
        let bytes = try folder.bytes("a.jpg")
        #expect(inspector.inspect(Array(bytes.dropLast(40)), fileName: "a.jpg").issues.map(\.code) == [.jpegTruncated])
    }

    @Test("JPEG: EXIF orientation 6 swaps the displayed width and height")
    func jpegOrientation() throws {
        let folder = try FixtureFolder()
        let (report, _) = try made(["--pattern", "noise", "64x48", "3", "-d", "uint8", "--orientation", "6"], "o.jpg", in: folder)
        #expect(report.metadata["orientation"] == .int(6))
        #expect(report.metadata["display_width"] == .int(48) && report.metadata["display_height"] == .int(64))
    }

    @Test("TIFF: float, 16-bit and 8-bit, strips and tiles, read as oiiotool reports them",
          arguments: [("float", "zip", false), ("uint16", "lzw", false), ("uint8", "none", true), ("uint16", "zip", true)])
    func tiff(format: String, compression: String, tiled: Bool) throws {
        let folder = try FixtureFolder()
        let (report, info) = try made(["--pattern", "checker", "50x30", "4", "-d", format, "--compression", compression]
                                       + (tiled ? ["--tile", "16", "16"] : []), "a.tif", in: folder)
        #expect(report.format == .tiff && report.issues == [])
        #expect(info.dataFormat == format)
        #expect(report.image?.isFloat == (format == "float"))
        #expect(report.image?.bitsPerSample == ["float": 32, "uint16": 16, "uint8": 8 ][format])
        #expect(report.metadata["compression"] == .string(compression == "zip" ? "deflate" : compression))
        #expect((report.metadata["tiles"] != .null) == tiled)
        #expect(report.image?.channelNames == info.channelNames)
    }

    @Test("TIFF: a file cut short is tiff_truncated, although OIIO decodes it as black without an error")
    func tiffTruncated() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "noise", "64x64", "3", "-d", "uint8", "--compression", "none"], output: "a.tif")
        // Cut at two thirds: whether the IFD sits before or after the strips, something it needs is gone.
        let report = inspector.inspect(Array(bytes.prefix(bytes.count * 2 / 3)), fileName: "a.tif")
        #expect(report.issues.map(\.code) == [.tiffTruncated], "\(report.issues)")
    }

    @Test("TIFF: big-endian files and BigTIFF are read too")
    func tiffByteOrders() throws {
        let big = TIFFBuilder(bigEndian: true, bigTIFF: false).image(width: 7, height: 5, samples: 3, bits: 16)
        let report = inspector.inspect(big, fileName: "be.tif")
        #expect(report.issues == [] && report.image?.width == 7 && report.image?.height == 5)
        #expect(report.metadata["byte_order"] == .string("big_endian") && report.image?.bitsPerSample == 16)
        let bigTIFF = TIFFBuilder(bigEndian: false, bigTIFF: true).image(width: 9, height: 4, samples: 1, bits: 8)
        let bigReport = inspector.inspect(bigTIFF, fileName: "big.tif")
        #expect(bigReport.issues == [] && bigReport.metadata["bigtiff"] == .bool(true) && bigReport.image?.width == 9)
        let folder = try FixtureFolder()
        try folder.write(big, to: "be.tif")
        #expect(try OIIOInfo.of(folder.path("be.tif")).width == 7, "oiiotool reads the hand-built file too")
    }

    @Test("Radiance HDR: FORMAT and the -Y/+X resolution line; a cut file is hdr_truncated")
    func radiance() throws {
        let folder = try FixtureFolder()
        let (report, info) = try made(["--pattern", "noise", "64x32", "3"], "env.hdr", in: folder)
        #expect(report.format == .radianceHDR && report.issues == [])
        #expect(info.channelNames == report.image?.channelNames)
        #expect(report.metadata["pixel_format"] == .string("32-bit_rle_rgbe"))
        #expect(report.metadata["resolution_line"] == .string("-Y 32 +X 64"))
        #expect(report.metadata["latlong_aspect"] == .bool(true))
        let bytes = try folder.bytes("env.hdr")
        #expect(inspector.inspect(Array(bytes.prefix(bytes.count - 10)), fileName: "env.hdr").issues.map(\.code) == [.hdrTruncated])
    }
}
