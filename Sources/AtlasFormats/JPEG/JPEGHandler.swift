import AtlasCore

/// The JPEG handler: walks the marker segments to the frame header (SOFn), reads EXIF orientation,
/// skips over each scan's entropy-coded data and requires the EOI marker, so a cut file is caught
/// even though header-only readers accept it.
public struct JPEGHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .jpeg }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var info = JPEGInfo()
        var issues: [FormatIssue] = []
        do {
            try walk(source, limits: limits, info: &info)
        } catch {
            let issue = ParseFailure.issue(for: error, truncated: .jpegTruncated, what: "JPEG data")
            guard info.frameMarker != 0 else { return .failed(issue) }
            issues.append(issue)
        }
        guard info.frameMarker != 0 else {
            return .failed(.error(.headerCorrupt, "the JPEG has no frame header (SOF marker)"))
        }
        if !info.hasEnd, !issues.contains(where: { $0.code == .jpegTruncated }) {
            issues.append(.error(.jpegTruncated, "the file ends before the end-of-image marker"))
        }
        if info.width == 0 || info.height == 0 {
            issues.append(.error(.headerCorrupt, "the frame header declares \(info.width) × \(info.height) pixels"))
        } else {
            do { try limits.checkImageSize(width: info.width, height: info.height, what: "the JPEG") } catch {
                issues.append(ParseFailure.issue(for: error, truncated: .jpegTruncated, what: "JPEG header"))
            }
        }
        let names = info.componentCount == 4 ? ["C", "M", "Y", "K"] : ImageSummary.channelNames(count: info.componentCount)
        let image = ImageSummary(width: info.width, height: info.height, channelNames: names,
                                 bitsPerSample: info.precision, isFloat: false)
        var metadata = image.metadata
        metadata["precision"] = .int(info.precision)
        metadata["components"] = .int(info.componentCount)
        metadata["sof_marker"] = .string("0x" + String(info.frameMarker, radix: 16, uppercase: true))
        metadata["progressive"] = .bool(info.isProgressive)
        metadata["lossless"] = .bool(info.isLossless)
        metadata["arithmetic"] = .bool(info.isArithmeticCoded)
        metadata["orientation"] = info.orientation.map { .int($0) } ?? .null
        metadata["display_width"] = .int(info.displayWidth)
        metadata["display_height"] = .int(info.displayHeight)
        metadata["jfif"] = .bool(info.hasJFIF)
        metadata["exif"] = .bool(info.hasEXIF)
        metadata["icc_profile"] = .bool(info.hasICCProfile)
        metadata["adobe_transform"] = info.adobeTransform.map { .int($0) } ?? .null
        metadata["scans"] = .int(info.scanCount)
        return FormatInspection(image: image, metadata: metadata, issues: issues)
    }

    private func walk(_ source: ByteSource, limits: FormatLimits, info: inout JPEGInfo) throws {
        guard try source.read(at: 0, count: 2) == [0xFF, 0xD8] else { throw ParseFailure.corrupt("the SOI marker is missing") }
        var offset = 2, segments = 0
        while true {
            segments += 1
            guard segments <= limits.maxStructures else {
                throw ParseFailure.limitExceeded("more than \(limits.maxStructures) JPEG segments")
            }
            // A marker is 0xFF (possibly repeated as fill) and a code.
            var code: UInt8 = 0xFF
            guard try source.read(at: offset, count: 1).first == 0xFF else {
                if offset >= source.size { throw ParseFailure.endOfData }
                throw ParseFailure.corrupt("expected a marker at byte \(offset)")
            }
            while code == 0xFF {
                offset += 1
                guard let next = try source.read(at: offset, count: 1).first else { throw ParseFailure.endOfData }
                code = next
            }
            offset += 1
            if code == 0xD9 {
                info.hasEnd = true
                return
            }
            if (0xD0...0xD7).contains(code) || code == 0x01 { continue }
            if code == 0x00 { throw ParseFailure.corrupt("a stray 0xFF00 at byte \(offset - 2)") }
            var lengthReader = ByteReader(try source.read(at: offset, count: 2), bigEndian: true)
            let length = Int(try lengthReader.u16())
            guard length >= 2 else { throw ParseFailure.corrupt("segment 0x\(String(code, radix: 16)) declares length \(length)") }
            guard offset + length <= source.size else { throw ParseFailure.endOfData }
            let payload = try source.read(at: offset + 2, count: length - 2)
            try read(code: code, payload, into: &info)
            offset += length
            if code == 0xDA {
                guard info.frameMarker != 0 else { throw ParseFailure.corrupt("a scan starts before the frame header") }
                info.scanCount += 1
                offset = try endOfEntropyData(source, from: offset)
            }
        }
    }

    private func read(code: UInt8, _ payload: [UInt8], into info: inout JPEGInfo) throws {
        var reader = ByteReader(payload, bigEndian: true)
        if JPEGInfo.isStartOfFrame(code) {
            guard info.frameMarker == 0 else { return }  // Hierarchical files repeat SOF; the first describes the image.
            info.frameMarker = code
            info.precision = Int(try reader.u8())
            info.height = Int(try reader.u16())
            info.width = Int(try reader.u16())
            info.componentCount = Int(try reader.u8())
            guard info.componentCount >= 1, payload.count >= 6 + 3 * info.componentCount else {
                throw ParseFailure.corrupt("the frame header declares \(info.componentCount) components in \(payload.count) bytes")
            }
            return
        }
        switch code {
        case 0xE0:
            if payload.starts(with: Array("JFIF\0".utf8)) { info.hasJFIF = true }
        case 0xE1:
            let exifHeader = Array("Exif\0\0".utf8)
            if payload.starts(with: exifHeader) {
                info.hasEXIF = true
                let tiff = DataByteSource(Array(payload.dropFirst(exifHeader.count)))
                if let directory = try? TIFFDirectoryReader(source: tiff, limits: .standard).firstDirectory(),
                   let value = directory.integer(TIFFTag.orientation), (1...8).contains(value) {
                    info.orientation = Int(value)
                }
            }
        case 0xE2:
            if payload.starts(with: Array("ICC_PROFILE\0".utf8)) { info.hasICCProfile = true }
        case 0xEE:
            if payload.starts(with: Array("Adobe".utf8)), payload.count >= 12 { info.adobeTransform = Int(payload[11]) }
        default:
            break
        }
    }

    /// The offset of the first marker after a scan's entropy-coded data: the next 0xFF not followed
    /// by a stuffed 0x00, a restart marker or more fill.
    private func endOfEntropyData(_ source: ByteSource, from start: Int) throws -> Int {
        let blockSize = 64 << 10
        var offset = start
        while offset < source.size {
            // One byte of overlap so a 0xFF at the end of a block is judged with its successor.
            let block = try source.read(at: offset, count: blockSize + 1)
            guard block.count >= 2 else { break }
            var index = 0
            while index < block.count - 1 {
                if block[index] == 0xFF {
                    let next = block[index + 1]
                    if next != 0x00, next != 0xFF, !(0xD0...0xD7).contains(next) { return offset + index }
                }
                index += 1
            }
            offset += block.count - 1
        }
        throw ParseFailure.endOfData
    }
}
