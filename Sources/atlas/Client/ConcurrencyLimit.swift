/// At most `limit` bodies at a time, the others waiting their turn in order: how many files a
/// client reads and sends at once, whichever group they belong to.
actor ConcurrencyLimit {
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) {
        available = max(1, limit)
    }

    /// Runs `body` once a slot is free, and frees the slot when it ends, thrown or not.
    nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    /// Runs `body` for each item, as many at once as the limit allows (shared with every other
    /// caller of this limit); the results come in the items' order.
    nonisolated func map<Item: Sendable, T: Sendable>(_ items: [Item],
                                                      _ body: @escaping @Sendable (Item) async throws -> T) async throws -> [T] {
        try await withThrowingTaskGroup(of: (Int, T).self) { tasks in
            for (index, item) in items.enumerated() {
                tasks.addTask { (index, try await self.run { try await body(item) }) }
            }
            var results = [T?](repeating: nil, count: items.count)
            for try await (index, result) in tasks { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            // The slot passes straight to the next in line.
            waiting.removeFirst().resume()
        }
    }
}
