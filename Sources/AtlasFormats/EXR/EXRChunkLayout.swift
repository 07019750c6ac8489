/// How many chunks (offset table entries) a part has, derived from its header the way OpenEXR does,
/// so the offset table of a single-part file (which has no `chunkCount`) can be located and checked.
enum EXRChunkLayout {
    /// The part's chunk count, or nil when it cannot be derived (unknown compression or part type).
    /// Throws `limitExceeded` past `maxChunks`, before any loop could run long.
    static func chunkCount(of part: EXRPart, maxChunks: Int) throws -> Int? {
        guard let type = part.type, !part.dataWindow.isEmpty else { return nil }
        let width = part.dataWindow.width, height = part.dataWindow.height
        var count = 0
        if type.isTiled {
            guard let tiles = part.tiles else { return nil }
            for (levelWidth, levelHeight) in levels(width: width, height: height, tiles: tiles) {
                count += divideRoundingUp(levelWidth, tiles.width) * divideRoundingUp(levelHeight, tiles.height)
                guard count <= maxChunks else { throw tooMany(maxChunks) }
            }
        } else {
            // Deep scanline parts allow only none, rle and zips: one scanline per chunk.
            let lines = type.isDeep ? 1 : part.compression.scanlinesPerChunk
            guard let lines else { return nil }
            count = divideRoundingUp(height, lines)
        }
        guard count <= maxChunks else { throw tooMany(maxChunks) }
        return count
    }

    /// The (width, height) of every level a tiled part stores, in file order.
    static func levels(width: Int, height: Int, tiles: EXRTileDescription) -> [(Int, Int)] {
        let up = tiles.roundingMode == .up
        switch tiles.levelMode {
        case .one:
            return [(width, height)]
        case .mipmap:
            let count = roundedLog2(max(width, height), up: up) + 1
            return (0..<count).map { (levelSize(width, $0, up: up), levelSize(height, $0, up: up)) }
        case .ripmap:
            let xCount = roundedLog2(width, up: up) + 1, yCount = roundedLog2(height, up: up) + 1
            return (0..<yCount).flatMap { y in
                (0..<xCount).map { x in (levelSize(width, x, up: up), levelSize(height, y, up: up)) }
            }
        }
    }

    static func roundedLog2(_ value: Int, up: Bool) -> Int {
        var x = value, log = 0, remainder = false
        while x > 1 {
            if x & 1 != 0 { remainder = true }
            log += 1
            x >>= 1
        }
        return up && remainder ? log + 1 : log
    }

    static func levelSize(_ base: Int, _ level: Int, up: Bool) -> Int {
        guard level < Int.bitWidth - 1 else { return 1 }
        var size = base >> level
        if up, size << level < base { size += 1 }
        return max(size, 1)
    }

    static func divideRoundingUp(_ value: Int, _ divisor: Int) -> Int { (value + divisor - 1) / divisor }

    private static func tooMany(_ maxChunks: Int) -> ParseFailure {
        .limitExceeded("the part has more than \(maxChunks) chunks")
    }
}
