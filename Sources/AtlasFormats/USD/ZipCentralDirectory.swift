/// Reads a zip archive's member list from its central directory, with every count, size and offset
/// checked against the file and the limits before it is used. Nothing is decompressed.
enum ZipCentralDirectory {
    /// Longest member name accepted; real packages use short relative paths.
    static let maxNameLength = 4096
    static let endRecordSignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]

    /// The members in central-directory order. Throws `ParseFailure` when the directory is missing,
    /// cut short, zip64 (not needed by usdz packages of sane size) or above the limits.
    static func members(of source: ByteSource, limits: FormatLimits) throws -> [ZipMember] {
        // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
        let tailLength = min(source.size, 22 + 0xFFFF)
        let tailStart = source.size - tailLength
        let tail = try source.read(at: tailStart, count: tailLength)
        guard tail.count >= 22 else { throw ParseFailure.endOfData }
        var endOffset: Int?
        for start in stride(from: tail.count - 22, through: 0, by: -1)
            where tail[start] == 0x50 && Array(tail[start..<start + 4]) == endRecordSignature {
            endOffset = start
            break
        }
        guard let endOffset else { throw ParseFailure.corrupt("no end of central directory record (the zip is cut short or not a zip)") }
        var end = ByteReader(Array(tail[endOffset...]))
        try end.skip(10)
        let count = Int(try end.u16())
        let directorySize = Int(try end.u32())
        let directoryOffset = Int(try end.u32())
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw ParseFailure.unsupported("zip64 archives are not read")
        }
        guard count <= limits.maxArchiveMembers else {
            throw ParseFailure.limitExceeded("the zip declares \(count) members, above the limit of \(limits.maxArchiveMembers)")
        }
        guard directorySize <= limits.maxHeaderBytes, directoryOffset + directorySize <= tailStart + endOffset else {
            throw ParseFailure.corrupt("the central directory (\(directorySize) bytes at \(directoryOffset)) does not fit before its end record")
        }
        var reader = ByteReader(try source.read(at: directoryOffset, count: directorySize))
        var members: [ZipMember] = []
        members.reserveCapacity(count)
        for index in 0..<count {
            guard try reader.bytes(4) == [0x50, 0x4B, 0x01, 0x02] else {
                throw ParseFailure.corrupt("central directory entry \(index) has no signature")
            }
            try reader.skip(6)  // versions, flags
            let method = try reader.u16()
            try reader.skip(8)  // time, date, CRC
            let compressedSize = Int(try reader.u32()), size = Int(try reader.u32())
            let nameLength = Int(try reader.u16()), extraLength = Int(try reader.u16()), commentLength = Int(try reader.u16())
            try reader.skip(8)  // disk, attributes
            let localOffset = Int(try reader.u32())
            guard nameLength <= maxNameLength else {
                throw ParseFailure.corrupt("member \(index) has a \(nameLength)-byte name")
            }
            let name = String(decoding: try reader.bytes(nameLength), as: UTF8.self)
            try reader.skip(extraLength + commentLength)
            guard localOffset + 30 <= directoryOffset, compressedSize <= directoryOffset else {
                throw ParseFailure.corrupt("member '\(name)' lies outside the archive's data")
            }
            var member = ZipMember(name: name, method: method, compressedSize: compressedSize, uncompressedSize: size,
                                   localHeaderOffset: localOffset, dataOffset: nil)
            // The data starts after the local header, whose name and extra field may differ from the central copy.
            var local = ByteReader(try source.read(at: localOffset, count: 30))
            if (try? local.bytes(4)) == [0x50, 0x4B, 0x03, 0x04], (try? local.seek(to: 26)) != nil,
               let localName = try? local.u16(), let localExtra = try? local.u16() {
                let dataOffset = localOffset + 30 + Int(localName) + Int(localExtra)
                if dataOffset + compressedSize <= directoryOffset { member.dataOffset = dataOffset }
            }
            members.append(member)
        }
        return members
    }
}
