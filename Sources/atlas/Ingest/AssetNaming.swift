import AtlasCore
import AtlasFormats
import Foundation

/// The name and type an ingested asset gets from its files.
enum AssetNaming {
    /// `chair.usda` → `chair`; `plate.1001.exr` on its own → `plate.1001`.
    static func fileName(_ fileName: String) -> String {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return bounded(fileName) }
        return bounded(String(fileName[..<dot]))
    }

    /// `plate.####.exr` → `plate`; a sequence named by its frame numbers alone (`####.exr`) takes
    /// its folder's name.
    static func sequenceName(prefix: String, folder: String) -> String {
        let trimmed = prefix.trimmingCharacters(in: .init(charactersIn: "._- "))
        if !trimmed.isEmpty { return bounded(trimmed) }
        let folderName = folder.split(separator: "/").last.map(String.init) ?? ""
        return folderName.isEmpty ? "sequence" : bounded(folderName)
    }

    /// The asset type for a file's detected format: what the inspection calls a light rig (a
    /// lat-long HDRI, a USD layer of lights) is one; other images are textures; scenes and models
    /// are geometry; what Atlas cannot read is `other`.
    static func type(of report: FormatReport) -> AssetType {
        if let rig = report.metadata["light_rig"], rig != .null { return .lightRig }
        switch report.category {
        case .image?: return .texture
        case .scene?, .geometry?: return .geometry
        case .material?: return .material
        case .archive?, nil: return .other
        }
    }

    /// Asset names are at most `FieldRules.maxNameLength` characters.
    private static func bounded(_ name: String) -> String {
        String(name.prefix(FieldRules.maxNameLength))
    }
}
