/// The tool that converts between two formats, and the rule for which pairs it takes.
public enum ConversionTool: String, Sendable, Hashable {
    /// Images: PNG, JPEG, TIFF, OpenEXR, Radiance HDR in; PNG, JPEG, TIFF, OpenEXR out.
    case oiiotool
    /// Models: OBJ, FBX, glTF, GLB in and out.
    case assimp
    /// USD layers between text and crate, through usd-core's Python (`Sdf.Layer.Export`).
    case usdCore = "usd-core"

    static let models: Set<FileFormat> = [.obj, .fbxBinary, .fbxASCII, .gltf, .glb]
    static let layers: Set<FileFormat> = [.usda, .usdc]

    /// The tool for `source` → `target`, or why the pair cannot be converted.
    public static func converting(_ source: FileFormat, to target: ExportFormat) throws(ConversionProblem) -> ConversionTool {
        guard source != target.fileFormat else {
            throw .unsupported("the file is already \(source.displayName); there is nothing to convert")
        }
        let output = target.fileFormat
        if source.category == .image, output.category == .image { return .oiiotool }
        if models.contains(source), models.contains(output) { return .assimp }
        if layers.contains(source), layers.contains(output) { return .usdCore }
        throw .unsupported("Atlas cannot convert \(source.displayName) to \(target.displayName): images export to png, jpeg, tiff "
                           + "or exr; models (OBJ, FBX, glTF, GLB) to obj, fbx, gltf or glb; USD layers between usda and usdc")
    }
}
