import Foundation

/// The `os.path` functions ComfyUI's file handling relies on, with their POSIX semantics
/// (`join` restarting at an absolute part, `normpath` collapsing `..` textually).
enum PythonPath {
    static func join(_ base: String, _ parts: String...) -> String {
        parts.reduce(base) { path, part in
            if part.hasPrefix("/") { return part }
            if path.isEmpty || path.hasSuffix("/") { return path + part }
            return path + "/" + part
        }
    }

    static func normpath(_ path: String) -> String {
        guard !path.isEmpty else { return "." }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func abspath(_ path: String) -> String {
        normpath(path.hasPrefix("/") ? path : join(FileManager.default.currentDirectoryPath, path))
    }

    static func basename(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        let head = String(path[..<slash])
        return head.isEmpty ? "/" : (head.allSatisfy { $0 == "/" } ? head : head.trimmingSuffix("/"))
    }

    static func splitext(_ name: String) -> (root: String, ext: String) {
        let base = basename(name)
        guard let dot = base.lastIndex(of: "."), base[..<dot].contains(where: { $0 != "." }) else { return (name, "") }
        let ext = String(base[dot...])
        return (String(name.dropLast(ext.count)), ext)
    }

    /// True when `path`, made absolute, stays inside `folder` (`os.path.commonpath` equal to it).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        let inner = abspath(path), outer = abspath(folder)
        return inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }
}

private extension String {
    func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix, text.count > 1 { text.removeLast() }
        return text
    }
}
