import Foundation

extension AtlasConfiguration {
    /// Reads `ATLAS_PUBLIC_DIR`, the web UI's static files (`Public/` of the source tree).
    mutating func readWebUI(_ values: [String: String], problems: inout [String]) {
        guard let folder = values["ATLAS_PUBLIC_DIR"], !folder.isEmpty else { return }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue {
            publicDirectory = folder
        } else {
            problems.append("ATLAS_PUBLIC_DIR is '\(folder)', which is not a folder")
        }
    }
}
