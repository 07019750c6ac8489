/// A format a version's file can be exported to.
public enum ExportFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case png, jpeg, tiff, exr
    case obj, fbx, gltf, glb
    case usda, usdc

    /// The extension the exported file is named with.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .tiff: "tif"
        default: rawValue
        }
    }

    /// The name in messages and version comments ("Exported from v2 to PNG").
    public var displayName: String { rawValue.uppercased() }

    /// The detected format a file of this export has; a file already in it is not converted.
    /// FBX is written as ASCII (see `GeometryConversionCommand`), so a binary FBX may be exported to FBX.
    public var fileFormat: FileFormat {
        switch self {
        case .png: .png
        case .jpeg: .jpeg
        case .tiff: .tiff
        case .exr: .openEXR
        case .obj: .obj
        case .fbx: .fbxASCII
        case .gltf: .gltf
        case .glb: .glb
        case .usda: .usda
        case .usdc: .usdc
        }
    }
}
