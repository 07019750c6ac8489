import Foundation

/// The rules every name, tag, path and metadata value is held to, in one place so the API,
/// the CLI and bulk ingest refuse the same things with the same words.
public enum FieldRules {
    public static let maxNameLength = 200
    public static let maxDescriptionLength = 10_000
    public static let maxTagLength = 64
    public static let maxTagsPerAsset = 100
    public static let maxPathLength = 1024
    public static let maxMetadataBytes = 65_536

    /// A display name: trimmed, 1 to 200 characters, no control characters.
    public static func name(_ raw: String, field: String = "name") -> Result<String, FieldError> {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { return .failure(FieldError(field: field, message: "must not be empty")) }
        if name.count > maxNameLength {
            return .failure(FieldError(field: field, message: "must be at most \(maxNameLength) characters (got \(name.count))"))
        }
        if name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return .failure(FieldError(field: field, message: "must not contain control characters"))
        }
        return .success(name)
    }

    public static func description(_ raw: String, field: String = "description") -> Result<String, FieldError> {
        raw.count > maxDescriptionLength
            ? .failure(FieldError(field: field, message: "must be at most \(maxDescriptionLength) characters"))
            : .success(raw)
    }

    /// A tag: trimmed and lowercased; letters, digits and `-_.:/ ` only, 1 to 64 characters.
    public static func tag(_ raw: String, field: String = "tags") -> Result<String, FieldError> {
        let tag = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if tag.isEmpty { return .failure(FieldError(field: field, message: "a tag must not be empty")) }
        if tag.count > maxTagLength {
            return .failure(FieldError(field: field, message: "tag '\(tag.prefix(20))…' is longer than \(maxTagLength) characters"))
        }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.:/ "))
        if !tag.unicodeScalars.allSatisfy(allowed.contains) {
            return .failure(FieldError(field: field, message: "tag '\(tag)' may hold only letters, digits, spaces and - _ . : /"))
        }
        return .success(tag)
    }

    /// A set of tags, normalised, de-duplicated and sorted. A bad tag is reported at its place
    /// in the list (`tags[2]`), as other list items are (`files[0].path`); the list as a whole is
    /// never "empty" or "required" because of one item.
    public static func tags(_ raw: [String], field: String = "tags") -> Result<[String], FieldError> {
        var out = Set<String>()
        for (index, item) in raw.enumerated() {
            switch tag(item, field: "\(field)[\(index)]") {
            case .success(let tag): out.insert(tag)
            case .failure(let error): return .failure(error)
            }
        }
        if out.count > maxTagsPerAsset {
            return .failure(FieldError(field: field, message: "at most \(maxTagsPerAsset) tags per asset"))
        }
        return .success(out.sorted())
    }

    /// A file's path inside a version: relative, `/`-separated, no `.`/`..` parts, no empty parts.
    /// Paths are where a version's files sit relative to each other (a USD and its textures),
    /// so one that escapes the version is refused rather than normalised.
    public static func filePath(_ raw: String, field: String = "path") -> Result<String, FieldError> {
        if raw.isEmpty { return .failure(FieldError(field: field, message: "must not be empty")) }
        if raw.utf8.count > maxPathLength {
            return .failure(FieldError(field: field, message: "must be at most \(maxPathLength) bytes"))
        }
        if raw.hasPrefix("/") || raw.contains("\\") || raw.contains("\0") {
            return .failure(FieldError(field: field, message: "'\(raw)' must be a relative path with '/' separators"))
        }
        let parts = raw.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return .failure(FieldError(field: field, message: "'\(raw)' must not contain empty, '.' or '..' parts"))
        }
        if raw.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) {
            return .failure(FieldError(field: field, message: "must not contain control characters"))
        }
        return .success(raw)
    }

    /// Metadata must stay small enough to live in a database row.
    public static func metadata(_ metadata: Metadata, encodedSize: Int, field: String = "metadata") -> Result<Metadata, FieldError> {
        encodedSize > maxMetadataBytes
            ? .failure(FieldError(field: field, message: "must be at most \(maxMetadataBytes) bytes of JSON (got \(encodedSize))"))
            : .success(metadata)
    }

    /// The lowercased extension of a path, as the asset's format until file handlers know better.
    public static func format(ofPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return ext.isEmpty ? nil : ext
    }
}

extension Result where Failure == FieldError {
    /// The value, or `nil` after appending the error to `errors`: lets a validator collect every problem at once.
    public func collect(into errors: inout [FieldError]) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let error):
            errors.append(error)
            return nil
        }
    }
}
