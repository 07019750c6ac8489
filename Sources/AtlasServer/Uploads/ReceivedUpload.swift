import AtlasCore
import AtlasStorage
import Foundation

/// What an upload request brought: its JSON description (from a JSON body, a `data` part or
/// plain form fields) and the files it streamed into staging.
struct ReceivedUpload: Sendable {
    var json: Data
    var files: [(path: String, blob: StagedBlob)]

    /// Removes every staged file: for requests that fail or turn out to be retries.
    func discard(from store: any BlobStore) {
        for file in files { store.discard(file.blob) }
    }

    /// Moves every staged file into the blob store; identical content already there is kept once.
    func commit(to store: any BlobStore) throws {
        for file in files { try store.commit(file.blob) }
    }

    /// What identifies the request for `Idempotency-Key`: the description and the files' content.
    var fingerprint: Data {
        var data = json
        for file in files { data.append(Data("\n\(file.path)=\(file.blob.hash.hex)".utf8)) }
        return data
    }
}
