/// One member of a zip archive, as its central directory describes it.
struct ZipMember: Sendable, Hashable {
    var name: String
    /// 0 stored, 8 deflate, …
    var method: UInt16
    var compressedSize: Int
    var uncompressedSize: Int
    /// Where the member's local header starts.
    var localHeaderOffset: Int
    /// Where the member's bytes start (after the local header), nil when the local header is unreadable.
    var dataOffset: Int?

    var isStored: Bool { method == 0 }
}
