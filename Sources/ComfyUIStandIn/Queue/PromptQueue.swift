/// ComfyUI's `PromptQueue` and the server's priority counter: the pending heap, the running
/// prompt, history and the flags `POST /free` sets. Every change of the count is published as a
/// `status` frame at the moment it happens.
actor PromptQueue {
    private var pending = PythonHeap<QueueItem>(less: QueueItem.precedes)
    private var running: [(taskID: Int, item: QueueItem)] = []
    private var history = HistoryStore()
    private var flags = JSONObject()
    private var taskCounter = 0
    private var number = 0
    private var worker: CheckedContinuation<Void, Never>?
    private let publisher: FramePublisher

    init(publisher: FramePublisher) {
        self.publisher = publisher
    }

    var remaining: Int { pending.count + running.count }

    /// The priority of a prompt without an explicit `number`: the counter, negated for `front`.
    func nextNumber(front: Bool) -> Int {
        defer { number += 1 }
        return front ? -number : number
    }

    func put(_ item: QueueItem) {
        pending.push(item)
        statusChanged()
        wakeWorker()
    }

    /// The next prompt by priority, marked running; nil when there is none.
    func take() -> (item: QueueItem, taskID: Int)? {
        guard let item = pending.pop() else { return nil }
        defer { taskCounter += 1 }
        running.append((taskCounter, item))
        statusChanged()
        return (item, taskCounter)
    }

    /// Waits until a prompt is queued, a flag is set or the worker is woken to stop.
    func waitForWork() async {
        guard pending.isEmpty, flags.isEmpty, !Task.isCancelled else { return }
        await withCheckedContinuation { worker = $0 }
    }

    func wakeWorker() {
        worker?.resume()
        worker = nil
    }

    /// `task_done`: the running prompt leaves for history (without its secrets).
    func finish(taskID: Int, status: JSONObject, result: JSONObject) {
        guard let index = running.firstIndex(where: { $0.taskID == taskID }) else { return }
        let item = running.remove(at: index).item
        var entry: JSONObject = ["prompt": item.json, "outputs": .object(JSONObject()), "status": .object(status)]
        for (key, value) in result { entry[key] = value }
        history.record(entry, for: item.promptID)
        statusChanged()
    }

    func snapshot() -> (running: [QueueItem], pending: [QueueItem]) {
        (running.map(\.item), pending.items)
    }

    func isRunning(_ promptID: String) -> Bool { running.contains { $0.item.promptID == promptID } }

    func clearPending() {
        pending.removeAll()
        statusChanged()
    }

    /// Removes a pending prompt; the running one and unknown ids are left alone.
    func deletePending(_ promptID: String) {
        guard pending.items.contains(where: { $0.promptID == promptID }) else { return }
        // Python empties the queue through `wipe_queue` when it holds one item, which announces
        // the change once more.
        if pending.count == 1 { clearPending() } else { _ = pending.removeFirst { $0.promptID == promptID } }
        statusChanged()
    }

    func historyPage(maxItems: Int?, offset: Int) -> JSONObject { history.page(maxItems: maxItems, offset: offset) }
    func historyEntry(_ promptID: String) -> JSONObject? { history.entry(promptID) }
    func allHistory() -> JSONObject { history.entries }
    func deleteHistory(_ promptID: String) { history.remove(promptID) }
    func clearHistory() { history.removeAll() }

    func setFlag(_ name: String, _ value: JSON) {
        flags[name] = value
        wakeWorker()
    }

    func takeFlags() -> JSONObject {
        defer { flags = JSONObject() }
        return flags
    }

    /// What a restart of the server loses: queue, history, flags and the counter.
    func reset() {
        pending.removeAll()
        running.removeAll()
        history.removeAll()
        flags = JSONObject()
        number = 0
        taskCounter = 0
    }

    private func statusChanged() { publisher.sendStatus(queueRemaining: remaining) }
}
