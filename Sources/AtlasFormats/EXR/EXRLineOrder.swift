/// The order in which an EXR part's chunks are stored.
public enum EXRLineOrder: UInt8, Sendable, Hashable, Codable {
    case increasingY = 0
    case decreasingY = 1
    case randomY = 2

    public var name: String {
        switch self {
        case .increasingY: "increasing_y"
        case .decreasingY: "decreasing_y"
        case .randomY: "random_y"
        }
    }
}
