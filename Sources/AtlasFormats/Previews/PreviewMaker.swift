import Foundation

/// Makes a version's previews with the tools installed here, each run fenced by `ToolRunner`.
/// Never throws: whatever goes wrong becomes `.failed` or `.unavailable` with a reason.
public struct PreviewMaker: Sendable {
    public var tools: PreviewTools

    public init(tools: PreviewTools = PreviewTools()) {
        self.tools = tools
    }

    /// Makes the previews of `subject` in `folder` (an empty folder the caller owns). Paths under
    /// `hiding` (where the sources are) are written relative to it in reasons.
    public func make(_ subject: PreviewSubject, in folder: URL, hiding: [String] = []) async -> PreviewOutcome {
        let hidden = hiding + [folder.path]
        switch subject {
        case .image(let source):
            return await image(source, in: folder, hiding: hidden)
        case .sequence(let pattern, let frames):
            return await sequence(pattern, frames, in: folder, hiding: hidden)
        case .model(let source):
            return await model(source, in: folder, hiding: hidden)
        case .nothing(let reason):
            return .unavailable(reason)
        }
    }

    /// A thumbnail and a proxy. The native reading is checked after the decode as well, because
    /// OIIO decodes a truncated TIFF as black and says it succeeded.
    func image(_ source: InspectedFile, in folder: URL, hiding: [String]) async -> PreviewOutcome {
        guard let summary = source.report.image else {
            return .failed(source.problem ?? "\(source.name): no image header Atlas can read")
        }
        let outputs = [PreviewKind.proxy, .thumbnail].map { PreviewImage(kind: $0, url: folder.appendingPathComponent($0.fileName)) }
        let command = ImagePreviewCommand(input: source.url.path, image: summary,
                                          outputs: Dictionary(uniqueKeysWithValues: outputs.map { ($0.kind, $0.url.path) }))
        do {
            _ = try await ToolProblem.run(command.command(tool: tools.oiiotool, timeout: tools.imageTimeout), hiding: hiding)
        } catch {
            return .failed(error.reason)
        }
        if let problem = source.problem { return .failed(problem) }
        return .made(outputs, note: nil)
    }

    /// The middle readable frame's thumbnail and proxy, and a contact sheet of evenly spaced
    /// readable frames. Unreadable frames are left out; a failed sheet leaves a note.
    func sequence(_ pattern: String, _ frames: [InspectedFile], in folder: URL, hiding: [String]) async -> PreviewOutcome {
        let readable = frames.filter { $0.problem == nil && $0.report.image != nil }
        guard let middle = readable.isEmpty ? nil : readable[readable.count / 2], let reference = middle.report.image else {
            return .failed(frames.first?.problem.map { "no frame of \(pattern) can be read: \($0)" } ?? "\(pattern) has no readable frame")
        }
        let still = await image(middle, in: folder, hiding: hiding)
        guard case .made(var images, _) = still else { return still }
        let sheet = folder.appendingPathComponent(PreviewKind.contactSheet.fileName)
        let command = ContactSheetCommand(frames: ContactSheetCommand.evenlySpaced(readable).map(\.url.path), reference: reference,
                                          output: sheet.path)
        do {
            _ = try await ToolProblem.run(command.command(tool: tools.oiiotool, timeout: tools.sheetTimeout), hiding: hiding)
            images.append(PreviewImage(kind: .contactSheet, url: sheet))
            return .made(images, note: nil)
        } catch {
            return .made(images, note: "contact sheet: \(error.reason)")
        }
    }

    /// A Blender render, made into a thumbnail and proxy like any image.
    func model(_ source: InspectedFile, in folder: URL, hiding: [String]) async -> PreviewOutcome {
        guard let format = source.report.format, BlenderRenderCommand.importer(for: format) != nil else {
            return .unavailable("\(source.name): Blender reads no \(source.report.format?.displayName ?? "such") file")
        }
        guard ToolRunner.locate(tools.blender) != nil else { return .unavailable("Blender is not installed") }
        if let problem = source.problem { return .failed(problem) }
        let render = folder.appendingPathComponent("render.png")
        let command = BlenderRenderCommand(input: source.url.path, format: format, output: render.path)
        do {
            _ = try await ToolProblem.run(command.command(tool: tools.blender, timeout: tools.renderTimeout), hiding: hiding)
        } catch {
            return .failed(error.reason)
        }
        let rendered = InspectedFile.inspecting(name: source.name, url: render)
        guard rendered.report.image != nil else { return .failed("\(source.name): Blender wrote no image") }
        return await image(rendered, in: folder, hiding: hiding)
    }
}
