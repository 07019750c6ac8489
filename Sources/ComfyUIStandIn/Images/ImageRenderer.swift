import AtlasFormats
import Foundation

/// Renders image recipes and converts files with oiiotool, through `ToolRunner`'s fences.
/// Tool failures come back as the Python exceptions a ComfyUI node would raise.
struct ImageRenderer: Sendable {
    var executable = "oiiotool"
    var timeout: Double = 120

    /// A PNG to write: the frame, where, and its text chunks (`prompt`, `extra_pnginfo` keys).
    struct PNGOutput: Sendable {
        var frame: ImageFrame
        var file: URL
        var text: [(key: String, value: String)] = []
    }

    /// Writes 8-bit PNGs in one oiiotool run.
    func write(_ outputs: [PNGOutput], compressionLevel: Int) async throws(PythonException) {
        guard !outputs.isEmpty else { return }
        // `--evaloff` first: file names and prompt JSON hold braces oiiotool would evaluate.
        var arguments = ["--nosoftwareattrib", "--evaloff"]
        for output in outputs {
            arguments += output.frame.recipe + ["-d", "uint8"]
            for (key, value) in output.text { arguments += ["--attrib", key, value] }
            arguments += ["--attrib", "png:compressionLevel", String(compressionLevel), "-o", output.file.path, "--pop"]
        }
        try await run(arguments)
    }

    /// Converts one file: `operations` apply to it, the result goes to `output` (its extension
    /// picks the format).
    func convert(_ file: URL, _ operations: [String], to output: URL) async throws(PythonException) {
        try await run(["--nosoftwareattrib", "--evaloff", file.path] + operations + ["-o", output.path])
    }

    /// Width, height and channel count of an image oiiotool can read, for formats the native
    /// header readers do not cover; nil when it cannot read it.
    func probe(_ file: URL) async -> (width: Int, height: Int, channels: Int)? {
        let command = ToolCommand(executable, ["--evaloff", file.path, "--evalon", "--echo", "{TOP.width} {TOP.height} {TOP.nchannels}"],
                                  timeout: timeout)
        guard let output = try? await ToolRunner.run(command) else { return nil }
        let numbers = output.text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return (numbers[0], numbers[1], numbers[2])
    }

    private func run(_ arguments: [String]) async throws(PythonException) {
        do {
            _ = try await ToolRunner.run(ToolCommand(executable, arguments, timeout: timeout))
        } catch .notInstalled {
            throw PythonException(type: "RuntimeError",
                                  message: "\(executable) is not installed: the ComfyUI stand-in runs its image nodes with it (Debian: openimageio-tools)")
        } catch {
            throw PythonException(type: "RuntimeError", message: error.description)
        }
    }
}
