import Foundation

/// A Python script Atlas carries as a string and runs with `python -I -c SCRIPT FILE ROOT ARGS…`:
/// there is no script file to install beside the binary or to keep in step with it, and `-I`
/// (isolated mode) makes Python ignore `PYTHONPATH`, the user's site-packages and the working
/// folder. The script prints one JSON object on its last line; when its module does not import it
/// prints `{"missing_module": …}`.
struct PythonWorker: Sendable {
    /// What the worker is, for messages (`the usd-core worker`).
    let name: String
    /// The Python module it needs and the package that provides it (`pxr`, `usd-core`).
    let module: String
    let package: String
    /// The whole script: `prelude`, the worker's body (which defines `main()`), then the call to it.
    let script: String

    init(name: String, module: String, package: String, body: String) {
        self.name = name
        self.module = module
        self.package = package
        script = Self.prelude + body + Self.epilogue
    }

    /// What every worker shares: printing the result, reporting a missing module, the file and
    /// asset root from the arguments, the root check, and messages cleaned of the root's location.
    static let prelude = #"""
import json, os, sys

def emit(result):
    sys.stdout.write("\n" + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()

def missing(module, error):
    emit({"missing_module": module, "message": str(error)})
    sys.exit(0)

path, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

def inside(candidate):
    candidate = os.path.normpath(candidate)
    return candidate == root or candidate.startswith(root + os.sep)

def clean(message):
    """The message without the asset root's place on this machine."""
    return str(message).strip().replace(root + os.sep, "")

"""#

    /// Runs `main()`; anything it raises becomes `{"error": …}`.
    static let epilogue = #"""

try:
    main()
except Exception as error:
    emit({"error": "%s: %s" % (type(error).__name__, clean(error)[:2000])})
"""#

    /// Why the worker gave no result.
    enum Failure: Error {
        case tool(ToolFailure)
        /// Python runs but the module is not installed for it.
        case moduleMissing(python: String)
        /// The worker failed or printed no JSON; the message says what it said.
        case failed(String)
    }

    /// Runs the worker on `arguments` and returns its JSON result.
    func run(_ arguments: [String], tools: ToolSettings, maxOutputBytes: Int = 16 << 20) async throws(Failure) -> Data {
        let output: ToolOutput
        do {
            output = try await ToolRunner.launch(tools.command(tools.python, ["-I", "-c", script] + arguments,
                                                               maxOutputBytes: maxOutputBytes))
        } catch {
            throw .tool(error)
        }
        let line = output.text.split(separator: "\n").last { $0.hasPrefix("{") }
        guard let line, let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            let reason = ToolRunner.lastLine(of: output.standardError)
            throw .failed("\(name) printed no result (exit \(output.status))" + (reason.isEmpty ? "" : ": \(reason)"))
        }
        if object["missing_module"] != nil { throw .moduleMissing(python: tools.python) }
        if let error = object["error"] as? String { throw .failed("\(name) failed: \(error)") }
        return Data(line.utf8)
    }

    /// The issue for a failure; `missing` says what is lost without the worker.
    func issue(for failure: Failure, missing: String) -> FormatIssue {
        switch failure {
        case .tool(let failure): .tool(failure, missing: missing)
        case .moduleMissing(let python):
            .warning(.toolMissing, "\(package) (Python module \(module)) is not installed for \(python), so \(missing)")
        case .failed(let message): .warning(.toolFailed, "\(message.prefix(600)); \(missing)")
        }
    }
}
