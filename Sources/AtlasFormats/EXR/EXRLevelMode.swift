/// How many resolution levels a tiled EXR part stores.
public enum EXRLevelMode: UInt8, Sendable, Hashable, Codable {
    /// Only the full-resolution image.
    case one = 0
    /// Each level halves both dimensions, down to 1 × 1.
    case mipmap = 1
    /// Every combination of halved widths and heights.
    case ripmap = 2

    public var name: String {
        switch self {
        case .one: "one_level"
        case .mipmap: "mipmap_levels"
        case .ripmap: "ripmap_levels"
        }
    }
}
