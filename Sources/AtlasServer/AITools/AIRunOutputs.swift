import AtlasCore
import Foundation

/// What a run made on the server: its output files (stored already), its prompt and how long it ran.
struct AIRunOutputs: Sendable {
    struct File: Sendable {
        var output: String
        var name: String
        var sha256: ContentHash
        var size: Int64
    }

    var files: [File]
    var promptID: String
    var duration: Duration
}
