import AtlasCore

/// The PNG handler: walks the chunk list (length, type, data, CRC), reads IHDR and the colour chunks,
/// checks CRCs of the small chunks and that IEND is reached inside the file.
/// `iinfo` accepts a PNG cut in half or with a bad CRC; this does not.
public struct PNGHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .png }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Chunks up to this size have their CRC checked; image data is left to a full decode.
    static let crcCheckedSize = 1 << 20

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var issues: [FormatIssue] = []
        let info: PNGInfo
        do {
            info = try walk(source, limits: limits, issues: &issues)
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .pngTruncated, what: "PNG header"))
        }
        do {
            try limits.checkImageSize(width: info.width, height: info.height, what: "the PNG")
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .pngTruncated, what: "PNG header"))
        }
        let image = ImageSummary(width: info.width, height: info.height,
                                 channelNames: ImageSummary.channelNames(count: info.channelCount),
                                 bitsPerSample: info.bitDepth, isFloat: false)
        var metadata = image.metadata
        metadata["bit_depth"] = .int(info.bitDepth)
        metadata["color_type"] = .int(info.colorType)
        metadata["interlaced"] = .bool(info.interlaced)
        metadata["chunks"] = .array(info.chunkTypes.map(JSONValue.string))
        metadata["srgb"] = .bool(info.sRGBIntent != nil)
        metadata["srgb_intent"] = info.sRGBIntent.map { .int($0) } ?? .null
        metadata["gamma"] = info.gamma.map(JSONValue.finite) ?? .null
        metadata["icc_profile"] = info.iccProfileName.map(JSONValue.string) ?? .null
        metadata["chromaticities"] = .bool(info.hasChromaticities)
        return FormatInspection(image: image, metadata: metadata, issues: issues)
    }

    private func walk(_ source: ByteSource, limits: FormatLimits, issues: inout [FormatIssue]) throws -> PNGInfo {
        guard try source.read(at: 0, count: 8) == Self.signature else {
            throw ParseFailure.corrupt("the PNG signature is missing")
        }
        var info = PNGInfo(width: 0, height: 0, bitDepth: 0, colorType: 0, interlaced: false, chunkTypes: [],
                           gamma: nil, sRGBIntent: nil, iccProfileName: nil, hasChromaticities: false, hasEnd: false)
        var offset = 8, chunks = 0, sawData = false
        while offset < source.size {
            chunks += 1
            guard chunks <= limits.maxStructures else {
                throw ParseFailure.limitExceeded("more than \(limits.maxStructures) PNG chunks")
            }
            var head = ByteReader(try source.read(at: offset, count: 8), bigEndian: true)
            let length = try head.u32()
            let type = String(decoding: try head.bytes(4), as: UTF8.self)
            guard length <= 0x7fff_ffff else { throw ParseFailure.corrupt("chunk \(type) declares \(length) bytes") }
            let dataStart = offset + 8, end = dataStart + Int(length) + 4
            if chunks == 1 {
                guard type == "IHDR", length == 13 else { throw ParseFailure.corrupt("the first chunk is \(type), not a 13-byte IHDR") }
            }
            guard end <= source.size else {
                issues.append(.error(.pngTruncated, "chunk \(type) at byte \(offset) runs past the end of the file (\(source.size) bytes)"))
                break
            }
            if type == "IDAT" {
                if !sawData { info.chunkTypes.append(type) }
                sawData = true
            } else {
                info.chunkTypes.append(type)
            }
            if type != "IDAT", Int(length) <= Self.crcCheckedSize {
                let body = try source.read(at: offset + 4, count: Int(length) + 8)
                let stored = UInt32(body[body.count - 4]) << 24 | UInt32(body[body.count - 3]) << 16
                    | UInt32(body[body.count - 2]) << 8 | UInt32(body[body.count - 1])
                let payload = Array(body[4..<body.count - 4])
                if CRC32.checksum(body[0..<body.count - 4]) != stored {
                    issues.append(.error(.pngCRCMismatch, "chunk \(type) at byte \(offset) fails its CRC check"))
                }
                try read(type: type, payload, into: &info)
            }
            offset = end
            if type == "IEND" {
                info.hasEnd = true
                break
            }
        }
        if !info.hasEnd, !issues.contains(where: { $0.code == .pngTruncated }) {
            issues.append(.error(.pngTruncated, "the file ends without an IEND chunk"))
        }
        if !sawData { issues.append(.error(.pngNoImageData, "the file has no IDAT chunk")) }
        return info
    }

    private func read(type: String, _ payload: [UInt8], into info: inout PNGInfo) throws {
        var reader = ByteReader(payload, bigEndian: true)
        switch type {
        case "IHDR":
            info.width = Int(try reader.u32())
            info.height = Int(try reader.u32())
            info.bitDepth = Int(try reader.u8())
            info.colorType = Int(try reader.u8())
            let compression = try reader.u8(), filter = try reader.u8(), interlace = try reader.u8()
            guard info.width > 0, info.height > 0, info.width <= 0x7fff_ffff, info.height <= 0x7fff_ffff else {
                throw ParseFailure.corrupt("IHDR declares \(info.width) × \(info.height) pixels")
            }
            guard PNGInfo.isValid(colorType: info.colorType, bitDepth: info.bitDepth) else {
                throw ParseFailure.corrupt("colour type \(info.colorType) with bit depth \(info.bitDepth) is not allowed")
            }
            guard compression == 0, filter == 0, interlace <= 1 else {
                throw ParseFailure.corrupt("IHDR compression \(compression), filter \(filter), interlace \(interlace)")
            }
            info.interlaced = interlace == 1
        case "gAMA":
            if payload.count == 4 { info.gamma = Double(try reader.u32()) / 100_000 }
        case "sRGB":
            if payload.count == 1 { info.sRGBIntent = Int(try reader.u8()) }
        case "iCCP":
            let name = payload.prefix { $0 != 0 }.prefix(79)
            info.iccProfileName = String(decoding: name, as: UTF8.self)
        case "cHRM":
            info.hasChromaticities = payload.count == 32
        default:
            break
        }
    }
}
