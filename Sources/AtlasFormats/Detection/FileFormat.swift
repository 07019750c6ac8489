/// A file format Atlas recognises by content. The raw value is the stable name stored in metadata.
public enum FileFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case openEXR = "exr"
    case png
    case jpeg
    case tiff
    case radianceHDR = "hdr"
    case usda
    case usdc
    case usdz
    case zip
    case gltf
    case glb
    case fbxBinary = "fbx_binary"
    case fbxASCII = "fbx_ascii"
    case obj
    case mtl
    case materialX = "mtlx"

    /// What kind of asset content the format holds.
    public var category: FormatCategory {
        switch self {
        case .openEXR, .png, .jpeg, .tiff, .radianceHDR: .image
        case .usda, .usdc, .usdz: .scene
        case .gltf, .glb, .fbxBinary, .fbxASCII, .obj: .geometry
        case .mtl, .materialX: .material
        case .zip: .archive
        }
    }

    /// A name for people, as used in issue messages.
    public var displayName: String {
        switch self {
        case .openEXR: "OpenEXR"
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .tiff: "TIFF"
        case .radianceHDR: "Radiance HDR"
        case .usda: "USD text (usda)"
        case .usdc: "USD crate (usdc)"
        case .usdz: "USDZ package"
        case .zip: "zip archive"
        case .gltf: "glTF (JSON)"
        case .glb: "glTF binary (GLB)"
        case .fbxBinary: "FBX (binary)"
        case .fbxASCII: "FBX (ASCII)"
        case .obj: "Wavefront OBJ"
        case .mtl: "Wavefront MTL"
        case .materialX: "MaterialX"
        }
    }
}

/// The broad kind of content a format holds, used to choose an asset type and a preview path.
public enum FormatCategory: String, Sendable, Hashable, Codable {
    case image, scene, geometry, material, archive
}
