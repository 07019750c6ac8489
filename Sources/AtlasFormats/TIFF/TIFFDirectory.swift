/// One image file directory (IFD): the integer values of the tags Atlas reads, and which other tags exist.
struct TIFFDirectory: Sendable, Hashable {
    /// The offset of the directory in the file.
    var offset: Int
    /// Integer values of the tags in `TIFFTag.read`.
    var values: [UInt16: [UInt64]] = [:]
    /// Every tag present, read or not.
    var tags: [UInt16] = []

    func integer(_ tag: UInt16) -> UInt64? { values[tag]?.first }
    func integers(_ tag: UInt16) -> [UInt64] { values[tag] ?? [] }
}
