/// Writes a minimal uncompressed single-strip TIFF in either byte order, classic or BigTIFF, for the
/// byte orders oiiotool does not write (it writes the machine's own). Checked against oiiotool in the tests.
struct TIFFBuilder {
    var bigEndian: Bool
    var bigTIFF: Bool

    func image(width: Int, height: Int, samples: Int, bits: Int) -> [UInt8] {
        var out: [UInt8] = []
        func put(_ value: UInt64, _ size: Int) {
            for i in 0..<size {
                let shift = bigEndian ? (size - 1 - i) * 8 : i * 8
                out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
            }
        }
        let offsetSize = bigTIFF ? 8 : 4, entrySize = bigTIFF ? 20 : 12, countSize = bigTIFF ? 8 : 2
        out += bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        put(bigTIFF ? 43 : 42, 2)
        if bigTIFF { put(8, 2); put(0, 2) }
        let ifdOffset = out.count + offsetSize
        put(UInt64(ifdOffset), offsetSize)
        let entries: [(UInt16, UInt16, [UInt64])] = [
            (256, 3, [UInt64(width)]), (257, 3, [UInt64(height)]), (258, 3, Array(repeating: UInt64(bits), count: samples)),
            (259, 3, [1]), (262, 3, [samples >= 3 ? 2 : 1]), (273, 4, [0]), (277, 3, [UInt64(samples)]),
            (278, 3, [UInt64(height)]), (279, 4, [UInt64(width * height * samples * bits / 8)]), (284, 3, [1]),
        ]
        let ifdSize = countSize + entries.count * entrySize + offsetSize
        var extra: [UInt8] = []  // Out-of-line values (BitsPerSample with several samples).
        let extraStart = ifdOffset + ifdSize
        let pixelStart = extraStart + (samples * 2 > offsetSize ? samples * 2 : 0)
        put(UInt64(entries.count), countSize)
        for (tag, type, values) in entries {
            put(UInt64(tag), 2)
            put(UInt64(type), 2)
            put(UInt64(values.count), bigTIFF ? 8 : 4)
            let size = type == 3 ? 2 : 4
            let vals = tag == 273 ? [UInt64(pixelStart)] : values
            if vals.count * size <= offsetSize {
                for v in vals { put(v, size) }
                for _ in 0..<(offsetSize - vals.count * size) { out.append(0) }
            } else {
                put(UInt64(extraStart + extra.count), offsetSize)
                let saved = out
                out = []
                for v in vals { put(v, size) }
                extra += out
                out = saved
            }
        }
        put(0, offsetSize)
        out += extra
        out += Array(repeating: 0x80, count: width * height * samples * bits / 8)
        return out
    }
}
