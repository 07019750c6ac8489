/// Whether halving a level's size rounds down or up (only matters for odd sizes).
public enum EXRLevelRoundingMode: UInt8, Sendable, Hashable, Codable {
    case down = 0
    case up = 1

    public var name: String { self == .down ? "round_down" : "round_up" }
}
