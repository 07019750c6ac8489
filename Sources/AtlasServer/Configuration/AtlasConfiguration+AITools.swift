import Foundation

extension AtlasConfiguration {
    /// Reads `ATLAS_COMFYUI_URLS` (http or https addresses, comma-separated) and `ATLAS_TOOLS_DIR`.
    mutating func readAITools(_ values: [String: String], problems: inout [String]) {
        if let text = values["ATLAS_COMFYUI_URLS"] {
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                if let url = URL(string: part), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil {
                    comfyUIURLs.append(url)
                } else {
                    problems.append("ATLAS_COMFYUI_URLS has '\(part)', which is not an http:// or https:// address")
                }
            }
        }
        if let folder = values["ATLAS_TOOLS_DIR"], !folder.isEmpty { toolsDirectory = folder }
    }
}
