import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An I/O failure in a blob store. Each case names the file involved and, where the operating
/// system gave one, its `errno` so the message says why (disk full, permission denied, …).
public enum BlobStoreError: Error, Sendable, Equatable {
    /// A folder of the store could not be created.
    case createDirectory(path: String, errno: Int32)
    /// A file could not be opened or created.
    case open(path: String, errno: Int32)
    /// Writing to a staging file failed (often a full disk).
    case write(path: String, errno: Int32)
    /// Reading a stored blob failed.
    case read(path: String, errno: Int32)
    /// Flushing a file or folder to stable storage failed, so durability cannot be promised.
    case sync(path: String, errno: Int32)
    /// Closing a file failed; on some file systems this is where a deferred write error surfaces.
    case close(path: String, errno: Int32)
    /// Making a staged file read-only failed.
    case setPermissions(path: String, errno: Int32)
    /// Moving a staged file to its final path failed.
    case move(from: String, to: String, errno: Int32)
    /// Removing a file failed.
    case remove(path: String, errno: Int32)
    /// A folder of the store could not be listed.
    case listDirectory(path: String, reason: String)
    /// The writer was already finished or aborted (or an earlier write failed and aborted it).
    case writerClosed(path: String)
    /// The staged blob does not live in this store's staging area, so the store will not touch it.
    case notStagedHere(path: String)
}

extension BlobStoreError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .createDirectory(path, code):
            "cannot create folder '\(path)': \(Self.text(code))"
        case let .open(path, code):
            "cannot open '\(path)': \(Self.text(code))"
        case let .write(path, code):
            "cannot write '\(path)': \(Self.text(code))"
        case let .read(path, code):
            "cannot read '\(path)': \(Self.text(code))"
        case let .sync(path, code):
            "cannot flush '\(path)' to disk: \(Self.text(code))"
        case let .close(path, code):
            "cannot close '\(path)': \(Self.text(code))"
        case let .setPermissions(path, code):
            "cannot make '\(path)' read-only: \(Self.text(code))"
        case let .move(from, to, code):
            "cannot move '\(from)' to '\(to)': \(Self.text(code))"
        case let .remove(path, code):
            "cannot remove '\(path)': \(Self.text(code))"
        case let .listDirectory(path, reason):
            "cannot list folder '\(path)': \(reason)"
        case let .writerClosed(path):
            "the blob writer for '\(path)' is already finished or aborted"
        case let .notStagedHere(path):
            "'\(path)' is not a staging file of this blob store"
        }
    }

    public var errorDescription: String? { description }

    private static func text(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
