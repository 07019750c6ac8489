/// Why `atlas ingest` could not run at all (no folder, the server unreachable, the key refused,
/// no such project), as opposed to files it rejected or assets the server refused, which the
/// report lists.
struct IngestError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
