import AtlasCore

extension ComfyUIClient {
    /// `POST /prompt`: queues a prompt under an id Atlas chose, with its events routed to `clientID`'s socket.
    ///
    /// A 200 that lists `node_errors` queued only the outputs that validated; that is a failure for
    /// Atlas, so the partial prompt is removed again and `.rejected` is thrown, as for a 400.
    public func submit(_ prompt: ComfyUIWorkflow, promptID: String, clientID: String,
                       extraData: [String: JSONValue] = [:]) async throws -> ComfyUISubmission {
        var body: [String: JSONValue] = ["prompt": prompt.json, "prompt_id": .string(promptID), "client_id": .string(clientID)]
        if !extraData.isEmpty { body["extra_data"] = .object(extraData) }
        let reply = try await send(.POST, "/prompt", body: .json(.object(body)))
        switch reply.status {
        case 200:
            let rejection = try reply.decode(ComfyUIPromptRejection.self, what: "the POST /prompt answer")
            guard rejection.nodeErrors.isEmpty else {
                try? await withdraw(promptID: promptID)
                throw ComfyUIError.rejected(rejection)
            }
            return try reply.decode(ComfyUISubmission.self, what: "the POST /prompt answer")
        case 400:
            throw ComfyUIError.rejected(try reply.decode(ComfyUIPromptRejection.self, what: "the POST /prompt refusal"))
        default:
            throw ComfyUIError.unexpectedResponse(status: reply.status, body: reply.text)
        }
    }

    /// `GET /api/jobs/{id}`; `nil` when the server does not know the prompt (never queued, removed
    /// from the queue before it ran, or lost in a restart).
    public func job(_ promptID: String) async throws -> ComfyUIJob? {
        let reply = try await send(.GET, "/jobs/" + ComfyUIQuery.encode(promptID))
        if reply.status == 404 { return nil }
        try reply.expect(200)
        return try reply.decode(ComfyUIJob.self, what: "/api/jobs/\(promptID)")
    }

    /// `GET /history/{id}`; `nil` until the prompt has finished, and for unknown ids (ComfyUI
    /// answers `{}` for both, so use `job(_:)` to tell them apart).
    public func history(_ promptID: String) async throws -> ComfyUIHistoryEntry? {
        let reply = try await send(.GET, "/history/" + ComfyUIQuery.encode(promptID))
        try reply.expect(200)
        return try reply.decode([String: ComfyUIHistoryEntry].self, what: "/history/\(promptID)")[promptID]
    }
}
