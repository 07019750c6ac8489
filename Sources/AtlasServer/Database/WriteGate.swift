/// Lets one write transaction at a time into SQLite.
///
/// SQLite allows a single writer; Fluent's SQLite driver keeps one connection per event loop,
/// and two of them upgrading read locks to write locks at once would fail with `SQLITE_BUSY`
/// whatever the busy handler does. Queuing writers here, in arrival order, avoids that without
/// slowing readers (WAL mode lets them run beside the writer). PostgreSQL needs no gate.
actor WriteGate {
    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !held {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            held = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
