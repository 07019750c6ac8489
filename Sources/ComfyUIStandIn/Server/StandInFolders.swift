import Foundation

/// The stand-in's `input`, `output` and `temp` folders, as ComfyUI keeps them under its root.
public struct StandInFolders: Sendable, Hashable {
    public var root: URL
    public var input: URL { root.appendingPathComponent("input", isDirectory: true) }
    public var output: URL { root.appendingPathComponent("output", isDirectory: true) }
    public var temp: URL { root.appendingPathComponent("temp", isDirectory: true) }

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The folder for a `type` of `/view` and `/upload/image` (`input`, `output` or `temp`).
    func folder(forType type: String) -> URL? {
        switch type {
        case "input": input
        case "output": output
        case "temp": temp
        default: nil
        }
    }

    /// Creates the folders; empties `temp`, which ComfyUI wipes at every start.
    func prepare() throws {
        let files = FileManager.default
        try? files.removeItem(at: temp)
        for folder in [input, output, temp] { try files.createDirectory(at: folder, withIntermediateDirectories: true) }
    }
}
