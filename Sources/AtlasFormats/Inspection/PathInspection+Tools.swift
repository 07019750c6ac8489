import Foundation

extension PathInspection {
    /// Inspects `paths` as `inspect(_:inspector:)` does, then runs the external tools on the files
    /// whose format they read further. A file's references must stay inside the folder it was found
    /// under (the folder given on the command line), or inside its own folder when given alone.
    public static func inspect(_ paths: [String], inspector: FormatInspector = FormatInspector(),
                               tools: ToolSettings) async -> PathInspection {
        var roots: [String: URL] = [:]
        var entries: [(name: String, url: URL)] = []
        for path in paths {
            let files = Self.files(at: path)
            let folder = files == [path] ? nil : URL(fileURLWithPath: path, isDirectory: true)
            for file in files {
                let url = URL(fileURLWithPath: file)
                roots[file] = folder ?? url.deletingLastPathComponent()
                entries.append((file, url))
            }
        }
        var inspection = inspect(entries: entries, inspector: inspector)
        for index in inspection.reports.indices where !ToolPasses.applying(to: inspection.reports[index]).isEmpty {
            let name = inspection.reports[index].fileName
            let url = URL(fileURLWithPath: name)
            await inspector.runTools(on: url, assetRoot: roots[name] ?? url.deletingLastPathComponent(),
                                     report: &inspection.reports[index], tools: tools)
        }
        return inspection
    }

    /// Inspects files known by a logical path but stored elsewhere, as `inspect(entries:inspector:)`
    /// does, then runs the external tools on them inside a workspace that lays the files out at their
    /// logical paths: the asset root the tools resolve references in and never leave.
    public static func inspect(entries: [(name: String, url: URL)], inspector: FormatInspector = FormatInspector(),
                               tools: ToolSettings) async -> PathInspection {
        var inspection = inspect(entries: entries, inspector: inspector)
        let needing = inspection.reports.indices.filter { !ToolPasses.applying(to: inspection.reports[$0]).isEmpty }
        guard !needing.isEmpty else { return inspection }
        let workspace: ToolWorkspace
        do {
            workspace = try ToolWorkspace(entries: entries)
        } catch {
            for index in needing {
                inspection.reports[index].issues.append(.warning(.toolFailed,
                    "the files could not be laid out for the external tools (\(error.localizedDescription)); only the native inspection ran"))
            }
            return inspection
        }
        defer { workspace.remove() }
        for index in needing {
            guard let url = workspace.url(for: inspection.reports[index].fileName) else { continue }
            await inspector.runTools(on: url, assetRoot: workspace.root, report: &inspection.reports[index], tools: tools)
        }
        return inspection
    }
}
