import Foundation

/// Converts one file to another format with the tool for the pair, each run fenced by `ToolRunner`.
public struct FormatConverter: Sendable {
    public var tools: ConversionTools

    public init(tools: ConversionTools = ConversionTools()) {
        self.tools = tools
    }

    /// The file name an export of `name` gets: the same stem with the target's extension.
    public static func outputName(for name: String, as target: ExportFormat) -> String {
        let file = (name as NSString).lastPathComponent
        let stem = (file as NSString).deletingPathExtension
        return "\(stem.isEmpty ? file : stem).\(target.fileExtension)"
    }

    /// Converts `file` to `target`, writing into `folder` (empty, the caller's). Returns the files
    /// written, the converted file first (then what it needs beside it, like a `.mtl` or `.bin`).
    /// Paths under `hiding` are written relative to it in reasons.
    public func convert(_ file: InspectedFile, to target: ExportFormat, in folder: URL,
                        hiding: [String] = []) async throws(ConversionProblem) -> [URL] {
        guard let format = file.report.format else {
            throw .unsupported("\(file.name): the content matches no format Atlas knows")
        }
        let tool = try ConversionTool.converting(format, to: target)
        if let problem = file.problem { throw .failed(problem) }
        if let missing = await tools.problem(with: tool) { throw missing }
        let output = folder.appendingPathComponent(Self.outputName(for: file.name, as: target))
        let command = try command(tool, file, target, output: output.path)
        do {
            _ = try await ToolProblem.run(command, hiding: hiding + [folder.path])
        } catch {
            throw .failed(error.reason)
        }
        return try written(in: folder, main: output)
    }

    private func command(_ tool: ConversionTool, _ file: InspectedFile, _ target: ExportFormat,
                         output: String) throws(ConversionProblem) -> ToolCommand {
        let executable = tools.executable(for: tool)
        switch tool {
        case .oiiotool:
            guard let image = file.report.image else { throw .failed("\(file.name): no image header Atlas can read") }
            return ImageConversionCommand(input: file.url.path, image: image, target: target, output: output)
                .command(tool: executable, timeout: tools.timeout)
        case .assimp:
            return GeometryConversionCommand(input: file.url.path, target: target, output: output)
                .command(tool: executable, timeout: tools.timeout)
        case .usdCore:
            return USDConversionCommand(input: file.url.path, output: output).command(python: executable, timeout: tools.timeout)
        }
    }

    /// The files in `folder`, `main` first; a tool that exits 0 without writing `main` failed.
    private func written(in folder: URL, main: URL) throws(ConversionProblem) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard names.contains(main.lastPathComponent),
              ((try? FileManager.default.attributesOfItem(atPath: main.path)[.size] as? Int) ?? 0) > 0 else {
            throw .failed("the converter wrote no \(main.pathExtension) file")
        }
        return [main] + names.filter { $0 != main.lastPathComponent && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }
}
