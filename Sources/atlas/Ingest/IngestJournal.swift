import AtlasCore
import Crypto
import Foundation
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// The groups a run has finished, one JSON line each, so a run stopped by Ctrl-C, a kill or a lost
/// connection can be started again and skip them without reading their files again.
///
/// Each line is written with one `write` to a file opened for appending: a killed process leaves
/// whole lines (the kernel keeps what was written), and at worst a torn last line that loading
/// ignores. Lines are not fsynced: after a power cut a group may be done again, which costs time,
/// not correctness, since the server already holds its bytes and its unchanged asset is skipped.
/// The file is removed when a run has finished every group.
actor IngestJournal {
    struct Entry: Codable, Sendable {
        var source: String
        var fingerprint: String
        var assetID: String?
        var version: Int?

        enum CodingKeys: String, CodingKey {
            case source, fingerprint, version
            case assetID = "asset_id"
        }
    }

    let path: String
    private var done: [String: Entry] = [:]
    private var descriptor: Int32 = -1

    /// Opens the journal at `path`, reading what an earlier run recorded there.
    init(path: String) throws {
        self.path = path
        if let data = FileManager.default.contents(atPath: path) {
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let entry = try? JSONDecoder().decode(Entry.self, from: line) { done[entry.source] = entry }
            }
        }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IngestError("cannot write the journal \(path): \(String(cString: strerror(errno)))") }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// How many groups an earlier run recorded.
    var count: Int { done.count }

    /// What an earlier run recorded for this group, if its files have not changed since.
    func finished(_ group: IngestGroup) -> Entry? {
        guard let entry = done[group.source], entry.fingerprint == group.fingerprint else { return nil }
        return entry
    }

    func record(_ entry: Entry) throws {
        done[entry.source] = entry
        let line = try JSONEncoder().encode(entry) + Data("\n".utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw IngestError("cannot write the journal \(path): \(String(cString: strerror(errno)))") }
    }

    /// Closes and deletes the journal: the run is complete.
    func remove() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The default place: beside the report, named for the folder, the project and the server,
    /// so the same command run again finds it (`atlas-ingest-GLD-1a2b3c4d.journal`).
    static func defaultPath(folder: String, projectCode: String, server: String, besideReport report: String) -> String {
        let identity = (FolderWalk.realPath(folder) ?? folder) + "\n" + server
        let digest = ContentHash(digest: SHA256.hash(data: Data(identity.utf8))).hex.prefix(8)
        let directory = (report as NSString).deletingLastPathComponent
        let name = "atlas-ingest-\(projectCode.uppercased())-\(digest).journal"
        return directory.isEmpty ? name : directory + "/" + name
    }
}
