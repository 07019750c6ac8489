/// ComfyUI's `prompt_worker` thread: takes prompts one at a time in priority order, runs them,
/// files the result in history, ends with `executing {node: null}`, and applies `POST /free`.
actor PromptWorker {
    private let queue: PromptQueue
    private let services: ExecutionServices
    private var loop: Task<Void, Never>?

    init(queue: PromptQueue, services: ExecutionServices) {
        self.queue = queue
        self.services = services
    }

    func start() {
        guard loop == nil else { return }
        loop = Task { await self.work() }
    }

    /// Stops after the current node (a running prompt is abandoned, as a killed process leaves it).
    func stop() async {
        loop?.cancel()
        await queue.wakeWorker()
        await loop?.value
        loop = nil
    }

    private func work() async {
        while !Task.isCancelled {
            if let (item, taskID) = await queue.take() {
                await process(item, taskID: taskID)
            } else {
                await queue.waitForWork()
            }
            await applyFlags()
        }
    }

    private func process(_ item: QueueItem, taskID: Int) async {
        await services.receipts.started(item.promptID)
        let outcome: PromptRun.Outcome
        do {
            outcome = try await PromptRun(item: item, services: services).execute()
        } catch {
            return
        }
        let status: JSONObject = ["status_str": .string(outcome.success ? "success" : "error"), "completed": .bool(outcome.success),
                                  "messages": .array(outcome.messages)]
        await queue.finish(taskID: taskID, status: status, result: outcome.result)
        if let clientID = item.clientID {
            services.publisher.send("executing", ["node": .null, "prompt_id": .string(item.promptID)], to: clientID)
        }
        await services.receipts.finished(item.promptID)
    }

    private func applyFlags() async {
        let flags = await queue.takeFlags()
        if let freeMemory = flags["free_memory"], PythonConversion.truthy(freeMemory) { await services.cache.reset() }
    }
}
