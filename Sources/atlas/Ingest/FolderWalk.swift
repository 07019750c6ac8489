import Foundation
#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// What is under the folder to ingest: its regular files, and the entries passed over with the reason.
///
/// Hidden names (`.git`, `.DS_Store`) are left out silently, as a file browser does. A symbolic
/// link is followed only when it leads to a file inside the folder: one leading outside would
/// ingest what the user did not point at, and a linked folder's files are ingested where they
/// really are (following it could loop).
struct FolderWalk {
    var files: [TreeFile] = []
    var skipped: [IngestReport.Skipped] = []

    /// Walks `root` (a folder); `excluding` names files never to ingest (the run's own report and journal).
    static func scan(_ root: String, excluding: Set<String> = []) throws -> FolderWalk {
        guard let realRoot = realPath(root) else { throw IngestError("cannot read the folder \(root)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: realRoot, isDirectory: &isFolder), isFolder.boolValue else {
            throw IngestError("\(root) is not a folder")
        }
        var walk = FolderWalk()
        walk.visit(folder: realRoot, relative: "", root: realRoot, excluding: Set(excluding.compactMap(realPath)))
        return walk
    }

    private mutating func visit(folder: String, relative: String, root: String, excluding: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            skipped.append(.init(source: relative.isEmpty ? "." : relative, code: "unreadable_folder",
                                 reason: "the folder could not be listed"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            guard !excluding.contains(path) else { continue }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                skipped.append(.init(source: relativePath, code: "unreadable_file", reason: "the entry could not be read"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: visit(folder: path, relative: relativePath, root: root, excluding: excluding)
            case S_IFREG: files.append(Self.file(relativePath, at: path, info))
            case S_IFLNK: follow(link: path, relativePath: relativePath, root: root, excluding: excluding)
            default: skipped.append(.init(source: relativePath, code: "not_a_file", reason: "not a regular file (a device, socket or pipe)"))
            }
        }
    }

    private mutating func follow(link: String, relativePath: String, root: String, excluding: Set<String>) {
        var info = stat()
        guard let target = Self.realPath(link), stat(target, &info) == 0 else {
            skipped.append(.init(source: relativePath, code: "broken_symlink", reason: "a symbolic link to nothing"))
            return
        }
        guard target.hasPrefix(root + "/") else {
            skipped.append(.init(source: relativePath, code: "symlink_outside_folder",
                                 reason: "a symbolic link to \(target), outside the folder being ingested; not followed"))
            return
        }
        guard !excluding.contains(target) else { return }
        guard info.st_mode & S_IFMT == S_IFREG else {
            skipped.append(.init(source: relativePath, code: "symlinked_folder",
                                 reason: "a symbolic link to a folder; its files are ingested where they are"))
            return
        }
        files.append(Self.file(relativePath, at: link, info))
    }

    private static func file(_ relativePath: String, at path: String, _ info: stat) -> TreeFile {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return TreeFile(relativePath: relativePath, absolutePath: path, size: Int64(info.st_size),
                        modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// The absolute path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
