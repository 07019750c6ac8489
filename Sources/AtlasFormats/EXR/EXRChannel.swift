/// One channel of an EXR part, as stored in its `chlist` attribute (sorted by name in the file).
public struct EXRChannel: Sendable, Hashable, Codable {
    public var name: String
    public var pixelType: EXRPixelType
    /// Whether the channel's values are perceptually linear (a hint for lossy compressors).
    public var perceptuallyLinear: Bool
    public var xSampling: Int
    public var ySampling: Int

    public init(name: String, pixelType: EXRPixelType, perceptuallyLinear: Bool = false,
                xSampling: Int = 1, ySampling: Int = 1) {
        self.name = name
        self.pixelType = pixelType
        self.perceptuallyLinear = perceptuallyLinear
        self.xSampling = xSampling
        self.ySampling = ySampling
    }

    /// The layer a channel belongs to: everything before the last `.` (`diffuse.R` → `diffuse`), empty for `R`.
    public var layer: String {
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return String(name[..<dot])
    }
}
