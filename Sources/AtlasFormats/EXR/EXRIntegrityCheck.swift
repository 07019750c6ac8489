/// Checks what a header-only reader cannot see: that the offset tables and the chunks they point to
/// lie inside the file. exrheader, exrinfo and iinfo all succeed on an EXR cut in its pixel data.
enum EXRIntegrityCheck {
    /// Issues about the offset tables and the last chunk; `chunkCounts` has one entry per part.
    static func issues(source: ByteSource, header: EXRHeader, chunkCounts: [Int], limits: FormatLimits) throws -> [FormatIssue] {
        let fileSize = source.size
        let tableStart = header.headerByteCount
        let totalChunks = chunkCounts.reduce(0, +)
        guard totalChunks <= limits.maxChunks else {
            return [.error(.limitExceeded, "the file declares \(totalChunks) chunks, above the limit of \(limits.maxChunks)")]
        }
        let tableEnd = tableStart + totalChunks * 8
        guard tableEnd <= fileSize else {
            return [.error(.exrTruncated, "the offset table ends at byte \(tableEnd) but the file has only \(fileSize) bytes")]
        }
        let table = try source.read(at: tableStart, count: totalChunks * 8)
        guard table.count == totalChunks * 8 else {
            return [.error(.exrTruncated, "the offset table could not be read in full")]
        }
        var reader = ByteReader(table)
        var unwritten = 0, pastEnd = 0, insideHeader = 0
        var last: (offset: Int, part: Int)?
        for (partIndex, count) in chunkCounts.enumerated() {
            for _ in 0..<count {
                let raw = try reader.u64()
                if raw == 0 {
                    unwritten += 1
                } else if raw >= UInt64(fileSize) {
                    pastEnd += 1
                } else if raw < UInt64(tableEnd) {
                    insideHeader += 1
                } else if Int(raw) > last?.offset ?? -1 {
                    last = (Int(raw), partIndex)
                }
            }
        }
        var issues: [FormatIssue] = []
        if unwritten > 0 {
            issues.append(.error(.exrTruncated,
                "\(unwritten) of \(totalChunks) offset table entries are zero: the file was not finished (an interrupted render or copy)"))
        }
        if pastEnd > 0 {
            issues.append(.error(.exrTruncated,
                "\(pastEnd) of \(totalChunks) chunks start past the end of the file (\(fileSize) bytes)"))
        }
        if insideHeader > 0 {
            issues.append(.error(.exrOffsetTableCorrupt,
                "\(insideHeader) of \(totalChunks) offset table entries point into the header or the offset table"))
        }
        if let last, let issue = try lastChunkIssue(source: source, header: header, offset: last.offset, partIndex: last.part) {
            issues.append(issue)
        }
        return issues
    }

    /// Reads the chunk that starts last in the file and checks that its data ends inside the file.
    private static func lastChunkIssue(source: ByteSource, header: EXRHeader, offset: Int, partIndex: Int) throws -> FormatIssue? {
        let part = header.parts[partIndex]
        guard let type = part.type else { return nil }
        var reader = ByteReader(try source.read(at: offset, count: 48))
        do {
            if header.isMultipart {
                let number = try reader.i32()
                guard Int(number) == partIndex else {
                    return .error(.exrOffsetTableCorrupt,
                                  "the chunk at byte \(offset) belongs to part \(number), but part \(partIndex)'s offset table points to it")
                }
            }
            try reader.skip(type.isTiled ? 16 : 4)
            let dataSize: UInt64
            if type.isDeep {
                let tableSize = try reader.u64(), sampleSize = try reader.u64()
                _ = try reader.u64()
                let (sum, overflow) = tableSize.addingReportingOverflow(sampleSize)
                dataSize = overflow ? .max : sum
            } else {
                let size = try reader.i32()
                guard size >= 0 else {
                    return .error(.exrOffsetTableCorrupt, "the chunk at byte \(offset) declares \(size) bytes of data")
                }
                dataSize = UInt64(size)
            }
            let end = UInt64(offset + reader.offset).addingReportingOverflow(dataSize)
            if end.overflow || end.partialValue > UInt64(source.size) {
                return .error(.exrTruncated,
                              "the last chunk (at byte \(offset)) needs \(dataSize) bytes of data, but the file ends at byte \(source.size)")
            }
        } catch ParseFailure.endOfData {
            return .error(.exrTruncated, "the file ends inside the header of its last chunk (at byte \(offset))")
        }
        return nil
    }
}
