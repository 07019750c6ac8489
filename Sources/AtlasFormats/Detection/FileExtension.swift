/// What a file name's extension claims, so content detected from the bytes can be checked against it.
enum FileExtension {
    /// The lowercased extension of `fileName` (without the dot), or nil when it has none.
    static func of(_ fileName: String) -> String? {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
        let ext = base[base.index(after: dot)...]
        return ext.isEmpty ? nil : ext.lowercased()
    }

    /// The formats a file with this extension may legitimately hold; nil for extensions Atlas has no opinion on.
    /// `.usd` may be text or crate, and `.usdz` is a zip, so those accept more than one format.
    static func expectedFormats(for ext: String) -> Set<FileFormat>? {
        switch ext {
        case "exr", "sxr": [.openEXR]
        case "png": [.png]
        case "jpg", "jpeg", "jpe", "jfif": [.jpeg]
        case "tif", "tiff", "tx", "tex": [.tiff, .openEXR]  // `.tx` textures made by maketx can be EXR or TIFF.
        case "hdr", "rgbe", "pic": [.radianceHDR]
        case "usda": [.usda]
        case "usdc": [.usdc]
        case "usd": [.usda, .usdc]
        case "usdz": [.usdz, .zip]
        case "zip": [.zip, .usdz]
        case "gltf": [.gltf]
        case "glb": [.glb]
        case "fbx": [.fbxBinary, .fbxASCII]
        case "obj": [.obj]
        case "mtl": [.mtl]
        case "mtlx": [.materialX]
        default: nil
        }
    }
}
