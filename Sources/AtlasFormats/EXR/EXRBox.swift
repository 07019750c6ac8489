/// An integer rectangle with inclusive corners, as EXR's `box2i` windows are written.
public struct EXRBox: Sendable, Hashable, Codable {
    public var xMin: Int32
    public var yMin: Int32
    public var xMax: Int32
    public var yMax: Int32

    public init(xMin: Int32, yMin: Int32, xMax: Int32, yMax: Int32) {
        self.xMin = xMin
        self.yMin = yMin
        self.xMax = xMax
        self.yMax = yMax
    }

    /// Width in pixels; computed in 64 bits because corners near Int32's ends overflow 32-bit arithmetic.
    public var width: Int { Int(xMax) - Int(xMin) + 1 }
    public var height: Int { Int(yMax) - Int(yMin) + 1 }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
}
