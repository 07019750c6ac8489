import Foundation

/// The `example.png` a stock ComfyUI keeps in its input folder, which `LoadImage` lists.
enum ExampleImage {
    /// An 8×8 grey PNG.
    private static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAD0lEQVR4nGNowAEYhpYEAILzYAGc7g8kAAAAAElFTkSuQmCC")!

    static func install(in folder: URL) throws {
        let file = folder.appendingPathComponent("example.png")
        guard !FileManager.default.fileExists(atPath: file.path) else { return }
        try png.write(to: file)
    }
}
