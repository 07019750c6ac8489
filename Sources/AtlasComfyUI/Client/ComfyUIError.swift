import Foundation

/// What can go wrong talking to a ComfyUI server or running a prompt on it.
///
/// `isServerFailure` separates failures of the server (retry the job on another one) from
/// failures of the prompt (retrying elsewhere gives the same answer).
public enum ComfyUIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No answer: connection refused, reset or timed out. The server is down, starting or hung.
    case unreachable(server: String, reason: String)
    /// ComfyUI refused the prompt (400), or queued only part of it (200 with `node_errors`).
    case rejected(ComfyUIPromptRejection)
    /// A node raised while the prompt ran.
    case executionFailed(ComfyUIExecutionError)
    /// The prompt was interrupted or removed from the queue before it finished.
    case interrupted(ComfyUIInterruption)
    /// The server stopped knowing the prompt (restart, queue cleared) or stopped answering mid-run.
    case lost(promptID: String, reason: String)
    /// The prompt succeeded but these expected output nodes listed no files.
    case outputsMissing(promptID: String, nodes: [String])
    /// The prompt did not finish within the run's time limit.
    case timedOut(promptID: String, seconds: Double)
    /// `/view` has no such file (it was never written, or the server restarted and wiped `temp`).
    case fileNotFound(ComfyUIFileReference)
    /// A status this call does not expect, such as 413 for an upload over `--max-upload-size`, or
    /// 401/403 from a proxy in front of the server.
    case unexpectedResponse(status: Int, body: String)
    /// A body or frame that does not have the shape the protocol records.
    case protocolViolation(String)

    /// The server, not the prompt, failed: the pool marks it down and the job may run elsewhere.
    public var isServerFailure: Bool {
        switch self {
        case .unreachable, .lost: true
        case .unexpectedResponse(let status, _): status >= 500
        default: false
        }
    }

    /// A stable code for job errors and logs.
    public var code: String {
        switch self {
        case .unreachable: "comfyui_unreachable"
        case .rejected: "comfyui_rejected"
        case .executionFailed: "comfyui_execution_failed"
        case .interrupted: "comfyui_interrupted"
        case .lost: "comfyui_prompt_lost"
        case .outputsMissing: "comfyui_outputs_missing"
        case .timedOut: "comfyui_timed_out"
        case .fileNotFound: "comfyui_file_not_found"
        case .unexpectedResponse: "comfyui_unexpected_response"
        case .protocolViolation: "comfyui_protocol_violation"
        }
    }

    public var description: String {
        switch self {
        case .unreachable(let server, let reason): "ComfyUI at \(server) is unreachable: \(reason)"
        case .rejected(let rejection): "ComfyUI refused the prompt: \(rejection.summary)"
        case .executionFailed(let error):
            "node \(error.nodeID) (\(error.nodeType)) failed: \(error.exceptionType): \(error.exceptionMessage.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .interrupted(let interruption):
            interruption.nodeID.map { "the prompt was interrupted at node \($0)" } ?? "the prompt was cancelled before it ran"
        case .lost(let promptID, let reason): "prompt \(promptID) was lost: \(reason)"
        case .outputsMissing(let promptID, let nodes):
            "prompt \(promptID) finished but output nodes \(nodes.joined(separator: ", ")) produced no files"
        case .timedOut(let promptID, let seconds): "prompt \(promptID) did not finish within \(Int(seconds)) s"
        case .fileNotFound(let file): "ComfyUI has no \(file.type) file \(file.promptValue)"
        case .unexpectedResponse(let status, let body): "ComfyUI answered \(status): \(body.prefix(300))"
        case .protocolViolation(let detail): "ComfyUI answered something unexpected: \(detail)"
        }
    }
}
