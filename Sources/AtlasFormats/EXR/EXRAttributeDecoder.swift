/// Decodes an attribute's bytes by its type name. Known types must have exactly their fixed size,
/// because a wrong size there means a corrupt header, whereas unknown types are kept opaque.
enum EXRAttributeDecoder {
    static let fixedSizes: [String: Int] = [
        "int": 4, "float": 4, "double": 8, "box2i": 16, "box2f": 16, "v2i": 8, "v2f": 8, "v2d": 16,
        "v3i": 12, "v3f": 12, "v3d": 24, "m33f": 36, "m44f": 64, "m33d": 72, "m44d": 128,
        "rational": 8, "timecode": 8, "chromaticities": 32, "keycode": 28, "compression": 1,
        "lineOrder": 1, "tiledesc": 9, "envmap": 1, "deepImageState": 1,
    ]

    static func decode(typeName: String, bytes: [UInt8], name: String, maxChannels: Int) throws -> EXRAttributeValue {
        if let expected = fixedSizes[typeName], bytes.count != expected {
            throw ParseFailure.corrupt("attribute '\(name)' of type \(typeName) has \(bytes.count) bytes, expected \(expected)")
        }
        var reader = ByteReader(bytes)
        func ints(_ count: Int) throws -> [Int32] { try (0..<count).map { _ in try reader.i32() } }
        func floats(_ count: Int) throws -> [Float] { try (0..<count).map { _ in try reader.f32() } }
        func doubles(_ count: Int) throws -> [Double] { try (0..<count).map { _ in try reader.f64() } }
        switch typeName {
        case "int": return .int(try reader.i32())
        case "float": return .float(try reader.f32())
        case "double": return .double(try reader.f64())
        case "string": return .string(String(decoding: bytes, as: UTF8.self))
        case "stringvector": return .strings(try stringVector(&reader, name: name))
        case "box2i", "v2i", "v3i", "keycode": return .ints(try ints(bytes.count / 4))
        case "box2f", "v2f", "v3f", "m33f", "m44f", "chromaticities": return .floats(try floats(bytes.count / 4))
        case "floatvector":
            guard bytes.count % 4 == 0 else {
                throw ParseFailure.corrupt("attribute '\(name)' of type floatvector has \(bytes.count) bytes, not a multiple of 4")
            }
            return .floats(try floats(bytes.count / 4))
        case "v2d", "v3d", "m33d", "m44d": return .doubles(try doubles(bytes.count / 8))
        case "rational": return .rational(numerator: try reader.i32(), denominator: try reader.u32())
        case "timecode": return .timecode(timeAndFlags: try reader.u32(), userData: try reader.u32())
        case "compression": return .compression(EXRCompression(rawValue: bytes[0]))
        case "lineOrder":
            guard let order = EXRLineOrder(rawValue: bytes[0]) else {
                throw ParseFailure.corrupt("lineOrder \(bytes[0]) is not 0, 1 or 2")
            }
            return .lineOrder(order)
        case "tiledesc": return .tiles(try tileDescription(&reader))
        case "chlist": return .channels(try channelList(&reader, maxChannels: maxChannels))
        case "envmap", "deepImageState": return .byte(bytes[0])
        case "preview":
            let width = try reader.u32(), height = try reader.u32()
            let pixels = UInt64(width) * UInt64(height) * 4
            guard UInt64(reader.remaining) == pixels else {
                throw ParseFailure.corrupt("preview attribute of \(width) × \(height) holds \(reader.remaining) pixel bytes")
            }
            return .preview(width: width, height: height)
        default: return .opaque(byteCount: bytes.count)
        }
    }

    private static func stringVector(_ reader: inout ByteReader, name: String) throws -> [String] {
        var strings: [String] = []
        while !reader.isAtEnd {
            let length = try reader.i32()
            guard length >= 0, Int(length) <= reader.remaining else {
                throw ParseFailure.corrupt("a string in stringvector '\(name)' declares \(length) bytes")
            }
            strings.append(String(decoding: try reader.bytes(Int(length)), as: UTF8.self))
        }
        return strings
    }

    private static func tileDescription(_ reader: inout ByteReader) throws -> EXRTileDescription {
        let width = try reader.u32(), height = try reader.u32(), mode = try reader.u8()
        guard let level = EXRLevelMode(rawValue: mode & 0x0f),
              let rounding = EXRLevelRoundingMode(rawValue: mode >> 4) else {
            throw ParseFailure.corrupt("tile level mode byte 0x\(String(mode, radix: 16)) is not valid")
        }
        guard width >= 1, height >= 1, width <= Int32.max, height <= Int32.max else {
            throw ParseFailure.corrupt("tile size \(width) × \(height) is not valid")
        }
        return EXRTileDescription(width: Int(width), height: Int(height), levelMode: level, roundingMode: rounding)
    }

    private static func channelList(_ reader: inout ByteReader, maxChannels: Int) throws -> [EXRChannel] {
        var channels: [EXRChannel] = []
        while true {
            guard let first = reader.peek(1).first else {
                throw ParseFailure.corrupt("the channel list is not terminated")
            }
            if first == 0 { break }
            guard channels.count < maxChannels else {
                throw ParseFailure.limitExceeded("more than \(maxChannels) channels")
            }
            let name: String
            do { name = try reader.cString(maxLength: 255) } catch ParseFailure.endOfData {
                throw ParseFailure.corrupt("a channel name runs past the channel list")
            }
            let rawType = try reader.i32()
            guard let type = EXRPixelType(rawValue: rawType) else {
                throw ParseFailure.corrupt("channel '\(name)' has pixel type \(rawType), not 0 (uint), 1 (half) or 2 (float)")
            }
            let linear = try reader.u8() != 0
            try reader.skip(3)
            let xSampling = try reader.i32(), ySampling = try reader.i32()
            guard xSampling >= 1, ySampling >= 1 else {
                throw ParseFailure.corrupt("channel '\(name)' has sampling \(xSampling) × \(ySampling)")
            }
            channels.append(EXRChannel(name: name, pixelType: type, perceptuallyLinear: linear,
                                       xSampling: Int(xSampling), ySampling: Int(ySampling)))
        }
        return channels
    }
}
