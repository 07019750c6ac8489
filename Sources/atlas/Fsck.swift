import ArgumentParser
import AtlasServer
import Foundation

struct Fsck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-hash every stored file; report missing and corrupt ones (exit 1 if any).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let report = try await AtlasRuntime.fsck(try options.load())
        print("checked \(report.checked) blob(s): \(report.missing.count) missing, \(report.corrupt.count) corrupt, \(report.unreferenced) unreferenced")
        for hash in report.missing { print("missing  \(hash.hex)") }
        for (expected, actual) in report.corrupt { print("corrupt  \(expected.hex) (content hashes to \(actual.hex))") }
        if !report.isClean { throw ExitCode(1) }
    }
}

struct Purge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove stored files that no version references (dry run unless --apply).")

    @OptionGroup var options: ServerOptions

    @Flag(help: "Delete the files; without it, only list what would go.")
    var apply = false

    @Option(name: .customLong("older-than"), help: "Keep files stored less than this many seconds ago (default 3600).")
    var olderThan: Double = 3600

    func run() async throws {
        let report = try await AtlasRuntime.purge(try options.load(), apply: apply, graceSeconds: olderThan)
        for (hash, size) in report.removable { print("\(apply ? "removed" : "would remove")  \(hash.hex)  \(size) bytes") }
        print("\(report.removable.count) unreferenced blob(s), \(report.bytes) bytes\(apply ? ", \(report.removed) removed" : " (dry run; use --apply to remove)")")
    }
}
