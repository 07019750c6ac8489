/// Reads a byte source front to back through a block buffer, for walks over data too large to load
/// (Radiance scanlines). Every read past the end throws `ParseFailure.endOfData`.
struct SequentialReader {
    let source: ByteSource
    private(set) var position: Int
    private var block: [UInt8] = []
    private var blockStart = 0
    static let blockSize = 256 << 10

    init(source: ByteSource, position: Int) {
        self.source = source
        self.position = position
    }

    mutating func u8() throws -> UInt8 {
        if position < blockStart || position >= blockStart + block.count {
            guard position < source.size else { throw ParseFailure.endOfData }
            block = try source.read(at: position, count: Self.blockSize)
            blockStart = position
            guard !block.isEmpty else { throw ParseFailure.endOfData }
        }
        defer { position += 1 }
        return block[position - blockStart]
    }

    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= source.size - position else { throw ParseFailure.endOfData }
        position += count
    }
}
