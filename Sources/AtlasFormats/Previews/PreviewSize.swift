/// The size an image is scaled to so that its longest side fits a limit, keeping its aspect.
public enum PreviewSize {
    /// The scaled size, or nil when the image already fits and keeps its size (never enlarged).
    public static func fitting(width: Int, height: Int, longestSide limit: Int) -> (width: Int, height: Int)? {
        guard width > 0, height > 0, limit > 0, max(width, height) > limit else { return nil }
        let scale = Double(limit) / Double(max(width, height))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }

    /// `oiiotool --resize` spelling of a size.
    static func argument(_ size: (width: Int, height: Int)) -> String { "\(size.width)x\(size.height)" }
}
