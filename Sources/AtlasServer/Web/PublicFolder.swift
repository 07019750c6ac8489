import Foundation

/// Where the web UI's static files are. They are read from disk, not compiled in, so a
/// studio can restyle its install and a developer sees an edit on reload.
enum PublicFolder {
    /// The configured folder, else `./Public`, else a `Public/` in a folder above the
    /// executable (`.build/debug/atlas` in a checkout) or in `share/atlas/` beside its `bin/`.
    static func locate(configured: String?, executable: String? = Bundle.main.executablePath) -> String? {
        if let configured { return configured }
        var candidates = [FileManager.default.currentDirectoryPath + "/Public"]
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/atlas/Public").path)
            while folder.path != "/" {
                candidates.append(folder.appendingPathComponent("Public").path)
                folder.deleteLastPathComponent()
            }
        }
        return candidates.first(where: isWebRoot)
    }

    /// A folder holding the UI's stylesheet: not merely any folder called Public.
    private static func isWebRoot(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/css/atlas.css")
    }
}
