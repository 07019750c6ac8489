/// A tiled EXR part's `tiles` attribute.
public struct EXRTileDescription: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var levelMode: EXRLevelMode
    public var roundingMode: EXRLevelRoundingMode

    public init(width: Int, height: Int, levelMode: EXRLevelMode, roundingMode: EXRLevelRoundingMode) {
        self.width = width
        self.height = height
        self.levelMode = levelMode
        self.roundingMode = roundingMode
    }
}
