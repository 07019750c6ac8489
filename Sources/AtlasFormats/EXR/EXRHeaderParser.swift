/// Reads an OpenEXR header (all parts) from a byte source, bounded by `FormatLimits`.
///
/// Layout: magic 20000630 and a version field (both int32 LE), then one header per part, each a list of
/// `name\0 type\0 int32 size, value` ended by a NUL; a multi-part file ends its list of headers with one more NUL.
enum EXRHeaderParser {
    static let magic: [UInt8] = [0x76, 0x2f, 0x31, 0x01]
    static let knownFlags: UInt32 = EXRHeader.tiledFlag | EXRHeader.longNamesFlag
        | EXRHeader.nonImageFlag | EXRHeader.multipartFlag
    static let requiredAttributes = [
        "channels", "compression", "dataWindow", "displayWindow", "lineOrder", "pixelAspectRatio",
        "screenWindowCenter", "screenWindowWidth",
    ]

    /// Parses the header. Reads a small window first and widens it only when the header is longer,
    /// so a huge file costs one small read and a lying file at most `maxHeaderBytes`.
    static func parse(_ source: ByteSource, limits: FormatLimits) throws -> EXRHeader {
        var window = min(source.size, 64 << 10)
        while true {
            let bytes = try source.read(at: 0, count: window)
            do {
                return try parse(bytes: bytes, limits: limits)
            } catch ParseFailure.endOfData where window < source.size {
                guard window < limits.maxHeaderBytes else {
                    throw ParseFailure.limitExceeded("the header is longer than \(limits.maxHeaderBytes) bytes")
                }
                window = min(source.size, window * 16, limits.maxHeaderBytes)
            }
        }
    }

    static func parse(bytes: [UInt8], limits: FormatLimits) throws -> EXRHeader {
        var reader = ByteReader(bytes)
        guard try reader.bytes(4) == magic else { throw ParseFailure.corrupt("the OpenEXR magic number is missing") }
        let field = try reader.u32()
        let version = Int(field & 0xff), flags = field & ~0xff
        guard version == 2 else {
            throw ParseFailure.unsupported("file format version \(version) (only version 2 is known)")
        }
        guard flags & ~knownFlags == 0 else {
            throw ParseFailure.unsupported("unknown flags 0x\(String(flags & ~knownFlags, radix: 16)) in the version field")
        }
        let maxNameLength = flags & EXRHeader.longNamesFlag != 0 ? 255 : 31
        var rawParts: [[EXRAttribute]] = []
        if flags & EXRHeader.multipartFlag != 0 {
            while try reader.peekByte() != 0 {
                guard rawParts.count < limits.maxParts else {
                    throw ParseFailure.limitExceeded("more than \(limits.maxParts) parts")
                }
                rawParts.append(try attributes(&reader, maxNameLength: maxNameLength, limits: limits))
            }
            try reader.skip(1)
            guard !rawParts.isEmpty else { throw ParseFailure.corrupt("a multi-part file with no parts") }
        } else {
            rawParts.append(try attributes(&reader, maxNameLength: maxNameLength, limits: limits))
        }
        let parts = try rawParts.map { try makePart($0, flags: flags) }
        return EXRHeader(version: version, flags: flags, parts: parts, headerByteCount: reader.offset)
    }

    private static func attributes(_ reader: inout ByteReader, maxNameLength: Int, limits: FormatLimits) throws -> [EXRAttribute] {
        var list: [EXRAttribute] = []
        while try reader.peekByte() != 0 {
            guard list.count < limits.maxAttributes else {
                throw ParseFailure.limitExceeded("more than \(limits.maxAttributes) attributes in one header")
            }
            let name = try reader.cString(maxLength: maxNameLength)
            let typeName = try reader.cString(maxLength: maxNameLength)
            guard !name.isEmpty, !typeName.isEmpty else { throw ParseFailure.corrupt("an attribute without a name or type") }
            let size = try reader.i32()
            guard size >= 0 else { throw ParseFailure.corrupt("attribute '\(name)' declares \(size) bytes") }
            guard Int(size) <= limits.maxAttributeBytes else {
                throw ParseFailure.limitExceeded("attribute '\(name)' declares \(size) bytes, above \(limits.maxAttributeBytes)")
            }
            let bytes = try reader.bytes(Int(size))
            let value: EXRAttributeValue
            do {
                value = try EXRAttributeDecoder.decode(typeName: typeName, bytes: bytes, name: name,
                                                       maxChannels: limits.maxChannels)
            } catch ParseFailure.endOfData {
                // All of the attribute's bytes are here, so running out inside it means a bad inner length, not truncation.
                throw ParseFailure.corrupt("attribute '\(name)' of type \(typeName) is shorter than its contents declare")
            }
            list.append(EXRAttribute(name: name, typeName: typeName, byteCount: Int(size), value: value))
        }
        try reader.skip(1)
        return list
    }

    private static func makePart(_ attributes: [EXRAttribute], flags: UInt32) throws -> EXRPart {
        func value(_ name: String) -> EXRAttributeValue? { attributes.first { $0.name == name }?.value }
        var missing = requiredAttributes.filter { value($0) == nil }

        let typeName: String
        if case .string(let declared)? = value("type") {
            typeName = declared
        } else if flags & EXRHeader.multipartFlag != 0 {
            missing.append("type")
            typeName = EXRPartType.scanlineImage.rawValue
        } else if flags & EXRHeader.nonImageFlag != 0 {
            typeName = flags & EXRHeader.tiledFlag != 0 ? EXRPartType.deepTile.rawValue : EXRPartType.deepScanline.rawValue
        } else {
            typeName = flags & EXRHeader.tiledFlag != 0 ? EXRPartType.tiledImage.rawValue : EXRPartType.scanlineImage.rawValue
        }
        let type = EXRPartType(rawValue: typeName)
        if flags & EXRHeader.multipartFlag != 0 {
            if value("name") == nil { missing.append("name") }
            if value("chunkCount") == nil { missing.append("chunkCount") }
        }

        var tiles: EXRTileDescription?
        if case .tiles(let description)? = value("tiles") { tiles = description }
        if type?.isTiled == true, tiles == nil { missing.append("tiles") }

        func box(_ name: String) throws -> EXRBox {
            guard let found = value(name) else { return EXRBox(xMin: 0, yMin: 0, xMax: -1, yMax: -1) }
            guard case .ints(let v) = found, v.count == 4 else {
                throw ParseFailure.corrupt("attribute '\(name)' is not a box2i")
            }
            return EXRBox(xMin: v[0], yMin: v[1], xMax: v[2], yMax: v[3])
        }
        var channels: [EXRChannel] = []
        if let found = value("channels") {
            guard case .channels(let list) = found else { throw ParseFailure.corrupt("attribute 'channels' is not a chlist") }
            channels = list
        }
        var compression = EXRCompression(rawValue: 0)
        if let found = value("compression") {
            guard case .compression(let declared) = found else {
                throw ParseFailure.corrupt("attribute 'compression' is not of type compression")
            }
            compression = declared
        }
        var lineOrder = EXRLineOrder.increasingY
        if case .lineOrder(let declared)? = value("lineOrder") { lineOrder = declared }
        var aspect: Float = 1
        if case .float(let declared)? = value("pixelAspectRatio") { aspect = declared }
        var chunkCount: Int?
        if case .int(let declared)? = value("chunkCount") {
            guard declared >= 0 else { throw ParseFailure.corrupt("chunkCount is \(declared)") }
            chunkCount = Int(declared)
        }
        var name: String?
        if case .string(let declared)? = value("name") { name = declared }

        return EXRPart(
            name: name, type: type, typeName: typeName, channels: channels,
            dataWindow: try box("dataWindow"), displayWindow: try box("displayWindow"),
            compression: compression, lineOrder: lineOrder, pixelAspectRatio: aspect, tiles: tiles,
            declaredChunkCount: chunkCount, missingAttributes: missing, attributes: attributes)
    }
}

extension ByteReader {
    /// The next byte without consuming it.
    func peekByte() throws -> UInt8 {
        guard let byte = peek(1).first else { throw ParseFailure.endOfData }
        return byte
    }
}
