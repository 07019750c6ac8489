import AtlasCore

/// One frame of ComfyUI's WebSocket, decoded. Execution frames carry the prompt they are about;
/// match on it, because one socket may see several prompts (PROTOCOL §4).
public enum ComfyUIMessage: Sendable, Equatable {
    /// The queue length changed (running + pending). `sessionID` only on the first frame of a connection.
    case status(queueRemaining: Int, sessionID: String?)
    case executionStart(promptID: String)
    /// These nodes were served from cache and will not run.
    case executionCached(promptID: String, nodes: [String])
    /// A node starts; `node == nil` means the prompt is over, whatever the outcome. `promptID` is
    /// missing only on the replay frame after a reconnect with the same client id.
    case executing(promptID: String?, node: String?)
    /// Progress inside a node that has a progress bar.
    case progress(promptID: String?, node: String?, value: Double, max: Double)
    /// A cumulative snapshot of every node started so far.
    case progressState(promptID: String, nodes: [String: ComfyUINodeProgress])
    /// An output node finished; `output` is its `{images: [...], ...}`.
    case executed(promptID: String, node: String, output: JSONValue)
    case executionSuccess(promptID: String)
    case executionError(ComfyUIExecutionError)
    case executionInterrupted(ComfyUIInterruption)
    /// The server's answer to the client's feature flags.
    case featureFlags([String: JSONValue])
    /// A binary preview image; Atlas does not use its bytes.
    case preview(promptID: String?, node: String?)
    /// A frame of a type this client does not know; newer servers add some.
    case other(type: String)

    /// The prompt the frame is about, if it says.
    public var promptID: String? {
        switch self {
        case .executionStart(let id), .executionCached(let id, _), .progressState(let id, _), .executed(let id, _, _),
             .executionSuccess(let id):
            return id
        case .executing(let id, _), .progress(let id, _, _, _), .preview(let id, _): return id
        case .executionError(let error): return error.promptID
        case .executionInterrupted(let interruption): return interruption.promptID
        case .status, .featureFlags, .other: return nil
        }
    }
}
