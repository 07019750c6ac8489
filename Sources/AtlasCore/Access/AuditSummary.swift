/// The before/after summary of an audit entry: only the fields that changed.
public enum AuditSummary {
    /// Fields that change on every write and say nothing about what the change was.
    public static let bookkeeping: Set<String> = ["updated_at", "updated_by", "revision", "etag"]

    /// `{"before": {changed fields}, "after": {changed fields}}`; a side that is nil (a creation
    /// or a removal) is omitted, and the other side then lists every field but bookkeeping.
    public static func of(before: JSONValue?, after: JSONValue?) -> JSONValue {
        let old = fields(before), new = fields(after)
        var summary: [String: JSONValue] = [:]
        switch (before, after) {
        case (nil, nil):
            break
        case (nil, _?):
            summary["after"] = .object(new)
        case (_?, nil):
            summary["before"] = .object(old)
        case (_?, _?):
            let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
            summary["before"] = .object(old.filter { changed.contains($0.key) })
            summary["after"] = .object(new.filter { changed.contains($0.key) })
        }
        return .object(summary)
    }

    private static func fields(_ value: JSONValue?) -> [String: JSONValue] {
        guard case .object(let fields)? = value else {
            return value.map { ["value": $0] } ?? [:]
        }
        return fields.filter { !bookkeeping.contains($0.key) }
    }
}
