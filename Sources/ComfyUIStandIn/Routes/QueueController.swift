import Vapor

/// `GET/POST /queue`, `POST /interrupt` and `POST /free`. They answer 200 whatever they did,
/// including nothing (an unknown or running id to delete, an interrupt for another prompt).
struct QueueController: Sendable {
    let context: StandInContext

    @Sendable func list(_ request: Request) async throws -> Response {
        let (running, pending) = await context.queue.snapshot()
        return AiohttpResponse.json(["queue_running": .array(running.map(\.json)), "queue_pending": .array(pending.map(\.json))])
    }

    /// `{"clear": true}` empties the pending prompts; `{"delete": [ids]}` removes pending ones.
    @Sendable func change(_ request: Request) async throws -> Response {
        // The body is read in full before anything is awaited: Swift 6.3's optimizer crashed
        // (coroutine splitting, in release builds) on `try` calls interleaved with `await` here.
        let (clear, deletions) = try Self.changes(in: try RequestBody.json(request))
        if clear { await context.queue.clearPending() }
        for promptID in deletions { await context.queue.deletePending(promptID) }
        return AiohttpResponse.empty()
    }

    /// Whether `body` clears the pending queue, and the prompt ids it deletes.
    private static func changes(in body: JSON) throws -> (clear: Bool, deletions: [String]) {
        let clear = try PythonConversion.contains("clear", in: body) && PythonConversion.truthy(try PythonIteration.item("clear", of: body))
        guard try PythonConversion.contains("delete", in: body) else { return (clear, []) }
        let deletions = try PythonIteration.elements(of: try PythonIteration.item("delete", of: body)).compactMap(\.stringValue)
        return (clear, deletions)
    }

    /// No body, or one that is not JSON, interrupts whatever runs; `{"prompt_id": id}` only that prompt.
    @Sendable func interrupt(_ request: Request) async throws -> Response {
        let body: JSON
        do {
            body = try RequestBody.json(request)
        } catch is RequestBody.NotJSON {
            body = .object(JSONObject())
        }
        guard let fields = body.objectValue else { throw PythonException.attributeError(body, "get") }
        if let target = fields["prompt_id"], PythonConversion.truthy(target) {
            if let promptID = target.stringValue, await context.queue.isRunning(promptID) { context.services.interrupt.raise() }
        } else {
            context.services.interrupt.raise()
        }
        return AiohttpResponse.empty()
    }

    /// `{"free_memory": true}` resets the cache after the running prompt; `unload_models` is accepted.
    @Sendable func free(_ request: Request) async throws -> Response {
        let body = try RequestBody.json(request)
        guard let fields = body.objectValue else { throw PythonException.attributeError(body, "get") }
        for flag in ["unload_models", "free_memory"] {
            if let value = fields[flag], PythonConversion.truthy(value) { await context.queue.setFlag(flag, value) }
        }
        return AiohttpResponse.empty()
    }
}
