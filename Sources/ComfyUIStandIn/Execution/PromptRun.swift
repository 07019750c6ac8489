import Foundation

/// One prompt's execution (`PromptExecutor.execute`): the frames in ComfyUI's order, the cache
/// check, nodes in `ExecutionList` order, and the status messages and outputs history keeps.
actor PromptRun {
    struct Outcome: Sendable {
        var success: Bool
        var messages: [JSON]
        /// `{"outputs": …, "meta": …}` for the history entry.
        var result: JSONObject
    }

    let item: QueueItem
    let services: ExecutionServices
    let prompt: JSONObject
    let clientID: String?
    var messages: [JSON] = []
    var executed: [String] = []
    var uiOutputs: [(node: String, ui: JSONObject)] = []
    var progress = ProgressState()
    var signatures: [String: String] = [:]

    init(item: QueueItem, services: ExecutionServices) {
        self.item = item
        self.services = services
        prompt = item.prompt.objectValue ?? JSONObject()
        clientID = item.clientID
    }

    var promptID: String { item.promptID }

    /// Runs the prompt; throws only `CancellationError`, when the stand-in stops or restarts.
    func execute() async throws -> Outcome {
        services.interrupt.clear()
        await services.hub.beginPrompt(clientID: clientID)
        services.publisher.send(.promptStarted(dropSocketsAfter: services.faults.current.dropSocketsAfterFrames))
        addMessage("execution_start", ["prompt_id": .string(promptID)])
        signatures = NodeSignatures.all(of: prompt, catalog: services.catalog, environment: services.environment)
        await services.cache.keepOnly(Set(signatures.values))
        var cachedNodes: [String] = []
        for node in prompt.keys where await services.cache.entry(signatures[node] ?? "") != nil { cachedNodes.append(node) }
        addMessage("execution_cached", ["nodes": .strings(cachedNodes), "prompt_id": .string(promptID)])
        let success = try await runNodes(cached: Set(cachedNodes))
        if success { addMessage("execution_success", ["prompt_id": .string(promptID)]) }
        await services.hub.setLastNode(nil)
        var outputs = JSONObject(), meta = JSONObject()
        for (node, ui) in uiOutputs {
            outputs[node] = ui["output"]
            meta[node] = ui["meta"]
        }
        return Outcome(success: success, messages: messages, result: ["outputs": .object(outputs), "meta": .object(meta)])
    }

    private func runNodes(cached: Set<String>) async throws -> Bool {
        let catalog = services.catalog, prompt = prompt
        var list = ExecutionList(prompt: prompt, cached: cached) { node in
            prompt[node]?["class_type"]?.stringValue.flatMap { catalog[$0]?.schema.isOutputNode } ?? false
        }
        for output in item.outputsToExecute { list.add(output) }
        while !list.isEmpty {
            guard let node = list.next() else {
                reportError(NodeFailure(node: list.firstPending ?? "",
                                        exception: PythonException(type: "graph.DependencyCycleError", message: "Dependency cycle detected"),
                                        inputs: []))
                return false
            }
            do {
                try await run(node)
                list.complete(node)
            } catch is Interrupted {
                addMessage("execution_interrupted", ["prompt_id": .string(promptID), "node_id": .string(node),
                                                     "node_type": classType(of: node), "executed": .strings(executed)],
                           broadcast: true)
                return false
            } catch let failure as NodeFailure {
                reportError(failure)
                return false
            }
        }
        return true
    }

    private func reportError(_ failure: NodeFailure) {
        let exception = failure.exception
        // ComfyUI appends its tips (none here) after a newline.
        addMessage("execution_error", [
            "prompt_id": .string(promptID), "node_id": .string(failure.node), "node_type": classType(of: failure.node),
            "executed": .strings(executed), "exception_message": .string(exception.message + "\n"),
            "exception_type": .string(exception.type),
            "traceback": PythonTraceback.execution(exception, classType: PythonText.str(classType(of: failure.node))),
            "current_inputs": failure.inputs, "current_outputs": .strings(prompt.keys),
        ])
    }

    func classType(of node: String) -> JSON { prompt[node]?["class_type"] ?? .null }

    /// `add_message`: kept for history, sent to the prompt's client (or to all when `broadcast`).
    func addMessage(_ event: String, _ data: JSONObject, broadcast: Bool = false) {
        var data = data
        data["timestamp"] = .int(Int(Date().timeIntervalSince1970 * 1000))
        messages.append([.string(event), .object(data)])
        if clientID != nil || broadcast { services.publisher.send(event, .object(data), to: clientID) }
    }

    func sendProgressState() {
        services.publisher.send("progress_state", progress.json(promptID: promptID), to: clientID)
    }
}
