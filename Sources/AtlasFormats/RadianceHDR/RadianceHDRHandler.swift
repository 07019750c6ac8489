import Foundation

import AtlasCore

/// The Radiance HDR (RGBE) handler: reads the text header and the resolution line, then walks the
/// run-length-encoded scanlines without decoding them, so a file cut short is reported.
public struct RadianceHDRHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .radianceHDR }

    static let maxHeaderBytes = 64 << 10
    static let knownFormats = ["32-bit_rle_rgbe", "32-bit_rle_xyze"]

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let info: RadianceHDRInfo
        do {
            info = try header(source)
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .hdrTruncated, what: "Radiance header"))
        }
        var issues: [FormatIssue] = []
        if !Self.knownFormats.contains(info.pixelFormat) {
            issues.append(.error(.hdrUnsupportedFormat, "FORMAT=\(info.pixelFormat) is neither 32-bit_rle_rgbe nor 32-bit_rle_xyze"))
        }
        do {
            try limits.checkImageSize(width: info.width, height: info.height, what: "the HDR image")
            try walkScanlines(source, info: info)
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .hdrTruncated, what: "scanline data"))
        }
        let channels = info.pixelFormat == "32-bit_rle_xyze" ? ["X", "Y", "Z"] : ["R", "G", "B"]
        let image = ImageSummary(width: info.width, height: info.height, channelNames: channels, bitsPerSample: 32, isFloat: true)
        var metadata = image.metadata
        metadata["program_type"] = .string(info.programType)
        metadata["pixel_format"] = .string(info.pixelFormat)
        metadata["exposure"] = info.exposure.map(JSONValue.finite) ?? .null
        metadata["gamma"] = info.gamma.map(JSONValue.finite) ?? .null
        metadata["primaries"] = info.primaries.map(JSONValue.string) ?? .null
        metadata["software"] = info.software.map(JSONValue.string) ?? .null
        metadata["resolution_line"] = .string(info.resolutionLine)
        metadata["standard_orientation"] = .bool(info.isStandardOrientation)
        // A 2:1 image is the usual lat-long environment map: a hint for light-rig assets.
        metadata["latlong_aspect"] = .bool(info.width == 2 * info.height)
        return FormatInspection(image: image, metadata: metadata, issues: issues)
    }

    private func header(_ source: ByteSource) throws -> RadianceHDRInfo {
        let bytes = try source.read(at: 0, count: Self.maxHeaderBytes)
        var lines: [String] = []
        var start = 0, dataOffset = -1
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
            start = index + 1
            // The header ends at an empty line; the line after it is the resolution.
            if lines.count >= 2, lines[lines.count - 2].isEmpty, lines.count > 1 {
                dataOffset = start
                break
            }
        }
        guard dataOffset >= 0 else {
            if bytes.count >= Self.maxHeaderBytes { throw ParseFailure.corrupt("no resolution line in the first 64 KiB") }
            throw ParseFailure.endOfData
        }
        guard let first = lines.first, first.hasPrefix("#?") else { throw ParseFailure.corrupt("the #? program line is missing") }
        var info = RadianceHDRInfo(programType: String(first.dropFirst(2)), pixelFormat: "32-bit_rle_rgbe", resolutionLine: "",
                                   width: 0, height: 0, scanlineCount: 0, scanlineLength: 0, dataOffset: dataOffset)
        for line in lines.dropFirst().dropLast(2) {
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "FORMAT": info.pixelFormat = value
            case "EXPOSURE": info.exposure = Double(value)
            case "GAMMA": info.gamma = Double(value)
            case "PRIMARIES": info.primaries = value
            case "SOFTWARE": info.software = value
            default: break
            }
        }
        let resolution = lines[lines.count - 1]
        info.resolutionLine = resolution
        let tokens = resolution.split(separator: " ")
        guard tokens.count == 4, let n1 = Int(tokens[1]), let n2 = Int(tokens[3]), n1 > 0, n2 > 0,
              ["-Y", "+Y", "-X", "+X"].contains(tokens[0]), ["-Y", "+Y", "-X", "+X"].contains(tokens[2]),
              tokens[0].last != tokens[2].last else {
            throw ParseFailure.corrupt("the resolution line '\(resolution.prefix(80))' is not like '-Y 512 +X 1024'")
        }
        info.scanlineCount = n1
        info.scanlineLength = n2
        if tokens[0].hasSuffix("Y") { (info.height, info.width) = (n1, n2) } else { (info.width, info.height) = (n1, n2) }
        return info
    }

    /// Walks every scanline: new-style RLE (`2 2 hi lo`, then four run-length-coded component planes),
    /// or flat RGBE pixels with old-style `1 1 1 n` repeats.
    private func walkScanlines(_ source: ByteSource, info: RadianceHDRInfo) throws {
        var reader = SequentialReader(source: source, position: info.dataOffset)
        let length = info.scanlineLength
        for _ in 0..<info.scanlineCount {
            let b0 = try reader.u8(), b1 = try reader.u8(), b2 = try reader.u8(), b3 = try reader.u8()
            if (8...0x7fff).contains(length), b0 == 2, b1 == 2, b2 & 0x80 == 0 {
                guard Int(b2) << 8 | Int(b3) == length else {
                    throw ParseFailure.corrupt("a scanline declares \(Int(b2) << 8 | Int(b3)) pixels, not \(length)")
                }
                for _ in 0..<4 {
                    var remaining = length
                    while remaining > 0 {
                        let count = Int(try reader.u8())
                        let run = count > 128 ? count - 128 : count
                        guard run > 0, run <= remaining else { throw ParseFailure.corrupt("a run of \(run) pixels overflows its scanline") }
                        try reader.skip(count > 128 ? 1 : run)
                        remaining -= run
                    }
                }
            } else {
                var pixels = 0, shift = 0
                var pixel = (b0, b1, b2, b3)
                while true {
                    if pixel.0 == 1, pixel.1 == 1, pixel.2 == 1 {
                        guard shift <= 24 else { throw ParseFailure.corrupt("an old-style run is too long") }
                        pixels += Int(pixel.3) << shift
                        shift += 8
                    } else {
                        pixels += 1
                        shift = 0
                    }
                    if pixels >= length { break }
                    pixel = (try reader.u8(), try reader.u8(), try reader.u8(), try reader.u8())
                }
            }
        }
    }
}
