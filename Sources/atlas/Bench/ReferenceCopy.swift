/// What the ingest figure is compared with: the same bytes hashed and copied by the standard
/// tools, on the same disk, timed end to end including starting the processes.
enum ReferenceCopy {
    /// Times `sha256sum` over `files`, then `cp` of them into `destination`, and with `sync`
    /// also the `sync` that waits until the copies are on disk.
    ///
    /// Without `sync`, `cp` returns once the copies sit in the page cache; the server fsyncs
    /// every blob before it answers, so the synced figure is the like-for-like one.
    static func measure(files: [String], destination: String, sync: Bool, log: String) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await ChildProcess.check(["sha256sum", "--"] + files, log: log)
        try await ChildProcess.check(["cp", "--"] + files + [destination + "/"], log: log)
        if sync { try await ChildProcess.check(["sync"], log: log) }
        return clock.now - start
    }
}
