/// A local file that could not be read (gone, unreadable, shrunk while being sent): a problem
/// with that file, not with the server.
struct FileReadError: Error, CustomStringConvertible, Sendable {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
