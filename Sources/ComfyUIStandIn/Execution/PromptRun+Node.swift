/// One node of a run: served from cache, or started, fed, run (with the faults in force) and
/// stored.
extension PromptRun {
    func run(_ node: String) async throws {
        let entry = prompt[node]?.objectValue ?? JSONObject()
        let classType = entry["class_type"]?.stringValue ?? ""
        guard let definition = services.catalog[classType] else { return }
        let signature = signatures[node] ?? ""
        if let cached = await services.cache.entry(signature) { return serveFromCache(node, cached) }
        progress.start(node)
        sendProgressState()
        let (inputs, unexpected) = await resolveInputs(entry, schema: definition.schema)
        if let clientID {
            await services.hub.setLastNode(node)
            services.publisher.send("executing", ["node": .string(node), "display_node": .string(node), "prompt_id": .string(promptID)],
                                    to: clientID)
        }
        let currentInputs = formatted(inputs, order: entry["inputs"]?.objectValue?.keys ?? [], schema: definition.schema)
        if let unexpected {
            throw NodeFailure(node: node, exception: .typeError("\(classType) got an unexpected keyword argument '\(unexpected)'"),
                              inputs: currentInputs)
        }
        guard !services.interrupt.isRaised else { throw Interrupted() }
        let reporter = progressReporter(for: node)
        try await applyFaults(node: node, classType: classType, reporter: reporter)
        let call = NodeCall(nodeID: node, inputs: inputs, prompt: item.prompt, extraPNGInfo: item.extraData["extra_pnginfo"],
                            environment: services.environment, missingOutputs: services.faults.current.missingOutputs,
                            progress: reporter)
        let result: NodeResult
        do {
            result = try await definition.operation.run(call)
        } catch let exception as PythonException {
            throw NodeFailure(node: node, exception: exception, inputs: currentInputs)
        }
        await store(result, of: node, signature: signature)
        progress.finish(node)
        sendProgressState()
        executed.append(node)
    }

    /// A cached output node: its old UI output is sent again (to a client only, and only then
    /// kept for history: the recorded bug of v0.12.1), and it shows finished.
    private func serveFromCache(_ node: String, _ cached: OutputCache.Entry) {
        if let clientID {
            services.publisher.send("executed", ["node": .string(node), "display_node": .string(node),
                                                 "output": cached.ui?["output"] ?? .null, "prompt_id": .string(promptID)],
                                    to: clientID)
            if let ui = cached.ui { uiOutputs.append((node, ui)) }
        }
        progress.finish(node)
        sendProgressState()
    }

    private func store(_ result: NodeResult, of node: String, signature: String) async {
        var cachedUI: JSONObject?
        if !result.ui.isEmpty {
            let meta: JSON = ["node_id": .string(node), "display_node": .string(node), "parent_node": .null, "real_node_id": .string(node)]
            let ui: JSONObject = ["meta": meta, "output": .object(result.ui)]
            uiOutputs.append((node, ui))
            cachedUI = ui
            if let clientID {
                services.publisher.send("executed", ["node": .string(node), "display_node": .string(node), "output": .object(result.ui),
                                                     "prompt_id": .string(promptID)], to: clientID)
            }
        }
        await services.cache.store(.init(outputs: result.outputs, ui: cachedUI), for: signature)
    }

    /// Linked inputs from the cache (missing when the source gave nothing), declared widget
    /// values as they are; a link on an undeclared input is what the call will choke on.
    private func resolveInputs(_ entry: JSONObject, schema: NodeSchema) async -> ([String: NodeValue], unexpected: String?) {
        var inputs: [String: NodeValue] = [:]
        var unexpected: String?
        for (name, value) in entry["inputs"]?.objectValue ?? JSONObject() {
            if value.isLink, let link = value.arrayValue, let source = link[0].stringValue {
                if schema.input(named: name) == nil { unexpected = unexpected ?? name }
                let outputs = await services.cache.entry(signatures[source] ?? "")?.outputs ?? []
                let socket = Int(link[1].numberValue ?? -1)
                inputs[name] = outputs.indices.contains(socket) ? outputs[socket] : .missing
            } else if schema.input(named: name) != nil {
                inputs[name] = .literal(value)
            }
        }
        return (inputs, unexpected)
    }

    /// `current_inputs` of an `execution_error`: each input as a one-item list, the way
    /// `format_value` shows it, hidden inputs included.
    private func formatted(_ inputs: [String: NodeValue], order: [String], schema: NodeSchema) -> JSON {
        var result = JSONObject()
        for name in order {
            if let value = inputs[name] { result[name] = [Self.format(value.pythonDescription)] }
        }
        let hidden = schema.info["input"]?["hidden"]?.objectValue ?? JSONObject()
        if hidden.contains("prompt") { result["prompt"] = [.string(PythonText.str(item.prompt))] }
        if hidden.contains("extra_pnginfo") { result["extra_pnginfo"] = [item.extraData["extra_pnginfo"].map { Self.format($0) } ?? .null] }
        return .object(result)
    }

    private static func format(_ value: JSON) -> JSON {
        switch value {
        case .null, .bool, .int, .double, .string: value
        default: .string(PythonText.str(value))
        }
    }
}
