import Foundation

extension FormatInspector {
    /// Inspects a file natively, then with the external tool that reads its format further, when one
    /// adds something: assimp for FBX and glTF/GLB, the usd-core worker for USD, the MaterialX worker
    /// for MaterialX. `assetRoot` is the folder the file's references must stay inside (the file's
    /// own folder by default); tools never open a file outside it. Never throws: a missing, hanging
    /// or failing tool is an issue in the report.
    public func inspect(fileAt url: URL, assetRoot: URL? = nil, tools: ToolSettings) async -> FormatReport {
        var report = inspect(fileAt: url)
        await runTools(on: url, assetRoot: assetRoot ?? url.deletingLastPathComponent(), report: &report, tools: tools)
        return report
    }

    /// The tool passes for `report`, run on the file at `url` (which may be a link with the file's
    /// logical name, when its stored content has none). They run on damaged files too: the tool's
    /// reading is a second opinion, and the usda pre-scan is not the whole USD grammar.
    func runTools(on url: URL, assetRoot: URL, report: inout FormatReport, tools: ToolSettings) async {
        for pass in ToolPasses.applying(to: report) {
            await pass.run(on: url, assetRoot: assetRoot, report: &report, tools: tools, limits: limits)
        }
    }
}
