import ComfyUIStandIn
import Foundation

/// `comfyui-standin [--host 127.0.0.1] [--port N] [--root DIR]`: the ComfyUI stand-in as a
/// server of its own, for browser tests and for trying AI tools in the web UI without a GPU.
/// Prints `listening on http://HOST:PORT` once it accepts connections; runs until SIGINT or SIGTERM.
let usage = "usage: comfyui-standin [--host 127.0.0.1] [--port N (0 = a free port)] [--root DIR]"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("comfyui-standin: \(message)\n\(usage)\n".utf8))
    exit(2)
}

var options = StandInOptions()
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
    if name == "-h" || name == "--help" {
        print(usage)
        exit(0)
    }
    guard ["--host", "--port", "--root"].contains(name) else { fail("unknown argument \(name)") }
    guard let value = arguments.popFirst() else { fail("\(name) needs a value") }
    switch name {
    case "--host": options.host = value
    case "--port":
        guard let port = Int(value), (0...65535).contains(port) else { fail("--port must be 0…65535") }
        options.port = port
    default: options.root = URL(fileURLWithPath: value, isDirectory: true)
    }
}

do {
    try await ComfyUIStandIn.serve(options)
} catch {
    FileHandle.standardError.write(Data("comfyui-standin: \(error)\n".utf8))
    exit(1)
}
