import AtlasCore

/// The outcome of re-reading a stored blob and hashing it again.
public enum BlobCheck: Sendable, Equatable {
    /// The stored bytes still hash to the blob's name.
    case intact
    /// No blob is stored under the hash.
    case missing
    /// The stored bytes hash to something else: the file was damaged after it was committed.
    case corrupt(actual: ContentHash)
}
