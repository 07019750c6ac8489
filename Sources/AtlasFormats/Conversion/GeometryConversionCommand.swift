/// The `assimp export` run that converts a model between OBJ, FBX, glTF and GLB.
///
/// FBX is written as ASCII FBX (`-ffbxa`): Debian's assimp 5.2.5 cannot read back the binary
/// FBX it writes ("block offset is out of range"), so a binary export could not be inspected or
/// converted again. OBJ writes a `.mtl` beside it and glTF a `.bin`; both belong to the export.
public struct GeometryConversionCommand: Sendable {
    public var input: String
    public var target: ExportFormat
    public var output: String

    public init(input: String, target: ExportFormat, output: String) {
        self.input = input
        self.target = target
        self.output = output
    }

    /// assimp's exporter id for `target`.
    static func exporter(for target: ExportFormat) -> String? {
        switch target {
        case .obj: "obj"
        case .fbx: "fbxa"
        case .gltf: "gltf2"
        case .glb: "glb2"
        default: nil
        }
    }

    public var arguments: [String] {
        ["export", input, output, "-f" + (Self.exporter(for: target) ?? target.rawValue)]
    }

    public func command(tool: String = "assimp", timeout: Double) -> ToolCommand {
        ToolCommand(tool, arguments, timeout: timeout)
    }
}
