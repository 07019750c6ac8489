#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import Foundation

/// The files the ingest benchmark uploads: random sizes and random content from a fixed seed,
/// written to disk before anything is timed.
struct IngestFileSet: Sendable {
    struct File: Sendable {
        var path: String
        var name: String
        var size: Int64
    }

    var files: [File]

    var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// Writes files of a whole number of MiB each, drawn from `scale.ingestFileMiB`, until they
    /// add up to exactly `scale.ingestBytes` (the last one is cut to fit).
    ///
    /// Random content, so neither the blob store's deduplication nor any compression along the
    /// way can make an upload cheaper than its size.
    static func generate(in folder: String, scale: BenchScale, seed: UInt64) throws -> IngestFileSet {
        var random = SeededRandom(seed: seed)
        var files: [File] = []
        var remaining = scale.ingestBytes
        while remaining > 0 {
            let mebibytes = Int64(Int.random(in: scale.ingestFileMiB, using: &random))
            let size = min(mebibytes * BenchScale.mebibyte, remaining)
            let name = String(format: "plate_%03d.bin", files.count + 1)
            let file = File(path: folder + "/" + name, name: name, size: size)
            try fill(file, random: &random)
            files.append(file)
            remaining -= size
        }
        return IngestFileSet(files: files)
    }

    private static func fill(_ file: File, random: inout SeededRandom) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw BenchError("cannot create \(file.path): errno \(errno)") }
        defer { close(descriptor) }
        var block = [UInt64](repeating: 0, count: Int(BenchScale.mebibyte) / 8)
        var left = file.size
        while left > 0 {
            block.withUnsafeMutableBufferPointer { words in
                for index in words.indices { words[index] = random.next() }
            }
            let count = Int(min(left, BenchScale.mebibyte))
            try block.withUnsafeBytes { bytes in
                var offset = 0
                while offset < count {
                    let written = write(descriptor, bytes.baseAddress! + offset, count - offset)
                    guard written > 0 else { throw BenchError("cannot write \(file.path): errno \(errno)") }
                    offset += written
                }
            }
            left -= Int64(count)
        }
    }
}
