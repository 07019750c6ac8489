/// The decoded value of one EXR header attribute. Common types are typed; an unknown type keeps
/// only its size, with its type name on the `EXRAttribute`, so custom attributes are never lost.
public enum EXRAttributeValue: Sendable, Hashable {
    case int(Int32)
    case float(Float)
    case double(Double)
    case string(String)
    case strings([String])
    /// `v2i`, `v3i`, `box2i` (xMin, yMin, xMax, yMax) and `keycode` (7 ints).
    case ints([Int32])
    /// `v2f`, `v3f`, `box2f`, `m33f`, `m44f` (row-major), `chromaticities` (red, green, blue, white x/y) and `floatvector`.
    case floats([Float])
    /// `v2d`, `v3d`, `m33d`, `m44d`.
    case doubles([Double])
    case rational(numerator: Int32, denominator: UInt32)
    /// SMPTE time and flags plus user data, as stored.
    case timecode(timeAndFlags: UInt32, userData: UInt32)
    case compression(EXRCompression)
    case lineOrder(EXRLineOrder)
    case tiles(EXRTileDescription)
    case channels([EXRChannel])
    /// `envmap` and `deepImageState`: a one-byte enum.
    case byte(UInt8)
    /// A thumbnail: its size only (the pixels are not kept).
    case preview(width: UInt32, height: UInt32)
    /// A type this parser does not decode.
    case opaque(byteCount: Int)
}
