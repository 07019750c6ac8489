/// Each distinct content checked and sent once per run: files with the same bytes (a held frame,
/// a texture two scenes share) wait for the first one's check and upload instead of racing it
/// and sending the bytes twice.
actor BlobUploads {
    private var pending: [String: Task<Bool, any Error>] = [:]

    /// Makes sure the server holds the content `sha256`: the first caller runs `store` (which
    /// returns whether it sent the bytes), later callers wait for it. Returns whether this call
    /// sent the bytes.
    func ensure(_ sha256: String, _ store: @escaping @Sendable () async throws -> Bool) async throws -> Bool {
        if let first = pending[sha256] {
            _ = try await first.value
            return false
        }
        let task = Task { try await store() }
        pending[sha256] = task
        do {
            return try await task.value
        } catch {
            // A later file with these bytes tries again rather than inheriting the failure.
            pending[sha256] = nil
            throw error
        }
    }
}
