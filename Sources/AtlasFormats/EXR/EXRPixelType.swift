/// The storage type of one EXR channel's samples.
public enum EXRPixelType: Int32, Sendable, Hashable, Codable {
    case uint = 0
    case half = 1
    case float = 2

    /// The name exrheader and OIIO use.
    public var name: String {
        switch self {
        case .uint: "uint"
        case .half: "half"
        case .float: "float"
        }
    }

    /// Bytes per sample once decoded.
    public var byteCount: Int { self == .half ? 2 : 4 }
}
