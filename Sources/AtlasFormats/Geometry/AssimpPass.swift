import Foundation

/// Runs `assimp info` on FBX and glTF files for what only a full reader knows: meshes, materials,
/// vertices and faces after triangulation, and the bounding box (`metadata["assimp"]`). Dependencies
/// stay native. A glTF naming a buffer outside the asset is not handed to assimp, which would open it.
struct AssimpPass: ToolPass {
    static let formats: Set<FileFormat> = [.fbxBinary, .fbxASCII, .gltf, .glb]

    func applies(to report: FormatReport) -> Bool {
        report.format.map(Self.formats.contains) ?? false
    }

    func run(on file: URL, assetRoot: URL, report: inout FormatReport, tools: ToolSettings, limits: FormatLimits) async {
        let lost = "meshes, materials, vertices, faces and the bounding box are not read"
        if let escaping = report.references.first(where: { $0.escapes && $0.kind == "buffer" }) {
            report.issues.append(.warning(.toolSkipped,
                "assimp is not run: it would open the buffer '\(escaping.path)', which is outside the asset; \(lost)"))
            return
        }
        let output: ToolOutput
        do {
            output = try await ToolRunner.launch(tools.command(tools.assimp, ["info", file.path]))
        } catch {
            report.issues.append(.tool(error, missing: lost))
            return
        }
        let info = AssimpSceneInfo(output: output.text)
        guard output.status == 0, !info.isEmpty else {
            // assimp prints its reason on standard output (`ERROR: Failed to load file: …`).
            let lines = (output.text + "\n" + output.standardError).split(separator: "\n")
            let reason = lines.last { $0.hasPrefix("ERROR") } ?? lines.last ?? "exit \(output.status)"
            let hint = report.format == .fbxBinary ? " (Debian's assimp 5.2.5 reads no binary FBX 7.5, even its own)" : ""
            report.issues.append(.warning(.assimpReadFailed, "assimp could not read the file\(hint): \(reason.prefix(300)); \(lost)"))
            return
        }
        report.metadata["assimp"] = info.json
    }
}
