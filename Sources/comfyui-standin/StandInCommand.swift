import ArgumentParser
import ComfyUIStandIn
import Foundation

/// `comfyui-standin [--host 127.0.0.1] [--port N] [--root DIR]`: the ComfyUI stand-in as a
/// server of its own, for browser tests and for trying AI tools in the web UI without a GPU.
/// Prints `listening on http://HOST:PORT` once it accepts connections; runs until SIGINT or SIGTERM.
@main
struct StandInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comfyui-standin",
        abstract: "A ComfyUI test server that speaks the recorded protocol, for browser tests and trying AI tools without a GPU.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0: a free one, printed once listening).")
    var port = 0

    @Option(help: "The folder holding input/, output/ and temp/ (default: a temporary one, removed at exit).")
    var root: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535") }
    }

    func run() async throws {
        var options = StandInOptions()
        options.host = host
        options.port = port
        options.root = root.map { URL(fileURLWithPath: $0, isDirectory: true) }
        try await ComfyUIStandIn.serve(options)
    }
}
