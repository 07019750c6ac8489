import Foundation

/// Where a path written inside one of a version's files points: at another file of the same
/// version, at something to find in the library, or out of the asset altogether.
public enum ReferenceResolver {
    public enum Resolution: Sendable, Equatable {
        /// Files of the same version: their paths (several for a UDIM or frame pattern).
        case inside([String])
        /// Not in the version: to be found in the library by this file name.
        case library(fileName: String)
        /// Absolute, or climbing out of the asset: never opened.
        case escapes
    }

    /// Resolves `reference`, written in the file at `referrer` (a path within the version), against
    /// the version's `files`. Relative paths are taken from the referring file's folder; texture
    /// tokens (`<UDIM>`, `<UVTILE>`, `####`, `%04d`, `$F4`, `@`) match every file they stand for.
    public static func resolve(_ reference: String, from referrer: String, within files: Set<String>) -> Resolution {
        let unified = reference.replacingOccurrences(of: "\\", with: "/")
        let folder = (referrer as NSString).deletingLastPathComponent
        guard !isAbsolute(unified), let joined = normalize(folder.isEmpty ? unified : folder + "/" + unified) else {
            return .escapes
        }
        if files.contains(joined) { return .inside([joined]) }
        if let pattern = tokenPattern(joined) {
            let matches = files.filter { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }.sorted()
            if !matches.isEmpty { return .inside(matches) }
        }
        return .library(fileName: (joined as NSString).lastPathComponent)
    }

    /// Whether `path`, taken relative to the referring file's folder, leaves that folder: an
    /// absolute path (`/`, `\\server`, a drive letter, `~`, a URL) or more `..` than folders before them.
    public static func escapes(_ path: String) -> Bool {
        let unified = path.replacingOccurrences(of: "\\", with: "/")
        return isAbsolute(unified) || normalize(unified) == nil
    }

    private static func isAbsolute(_ path: String) -> Bool {
        path.hasPrefix("/") || path.hasPrefix("~") || path.contains("://") || (path.count >= 2 && path.dropFirst().first == ":")
    }

    /// `a/./b/../c` → `a/c`; nil when `..` climbs above the root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// A regular expression matching the files a tokenised path stands for, or nil without tokens.
    private static func tokenPattern(_ path: String) -> NSRegularExpression? {
        let tokens: [(String, String)] = [
            ("<UDIM>", "[0-9]{4}"), ("<UVTILE>", "u[0-9]+_v[0-9]+"), ("$F4", "[0-9]{4}"), ("%04d", "[0-9]{4}"),
            ("####", "[0-9]{4}"), ("@", "[0-9]+"),
        ]
        var expression = NSRegularExpression.escapedPattern(for: path)
        var found = false
        for (token, replacement) in tokens {
            let escaped = NSRegularExpression.escapedPattern(for: token)
            if expression.contains(escaped) {
                expression = expression.replacingOccurrences(of: escaped, with: replacement)
                found = true
            }
        }
        return found ? try? NSRegularExpression(pattern: "^" + expression + "$") : nil
    }
}
