import Foundation

/// A request's query string as an ordered multi-map, with the checks every listing shares:
/// unknown parameters are refused (never silently ignored), numbers and dates are parsed
/// with field-level messages.
public struct QueryParameters: Sendable {
    public private(set) var items: [(name: String, value: String)]

    public init(items: [(name: String, value: String)]) {
        self.items = items
    }

    /// Parses a raw query string; `+` means a space, as HTML forms send it. Empty pieces
    /// (`a=1&&b=2`, a trailing `&`) are skipped, and text that is not valid percent-encoding is
    /// taken as it stands rather than refused: a query is read leniently, then checked.
    public init(queryString: String?) {
        self.items = (queryString ?? "").split(separator: "&").compactMap { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { return nil }
            return (name, parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Every value of a parameter, comma lists split, blanks dropped.
    public func list(_ name: String) -> [String] {
        items.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
    }

    /// The last value of a parameter, as given.
    public func value(_ name: String) -> String? {
        items.last { $0.name == name }?.value
    }

    /// Refuses any parameter not in `allowed`.
    public func requireOnly(_ allowed: Set<String>) throws(AtlasError) {
        let unknown = Set(items.map(\.name)).subtracting(allowed).sorted()
        guard unknown.isEmpty else {
            throw AtlasError(
                code: "unknown_parameter", status: 400, title: "Unknown query parameter",
                detail: "Unknown query parameter(s): \(unknown.joined(separator: ", ")). Allowed: \(allowed.sorted().joined(separator: ", ")).",
                fieldErrors: unknown.map { FieldError(field: $0, message: "is not a parameter of this listing") })
        }
    }

    public func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Result<Int, FieldError> {
        guard let text = value(name) else { return .success(fallback) }
        guard let number = Int(text), range.contains(number) else {
            return .failure(FieldError(field: name, message: "must be a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(number)
    }

    public func boolean(_ name: String, default fallback: Bool = false) -> Result<Bool, FieldError> {
        switch value(name)?.lowercased() {
        case nil: return .success(fallback)
        case "true", "1", "yes": return .success(true)
        case "false", "0", "no": return .success(false)
        default: return .failure(FieldError(field: name, message: "must be true or false"))
        }
    }

    /// An ISO 8601 date-time, or a plain `YYYY-MM-DD` date meaning its midnight UTC.
    public func date(_ name: String) -> Result<Date?, FieldError> {
        guard let text = value(name) else { return .success(nil) }
        guard let date = ISO8601.parse(text) else {
            return .failure(FieldError(field: name, message: "must be an ISO 8601 date or date-time, e.g. 2026-11-24 or 2026-11-24T09:30:00Z"))
        }
        return .success(date)
    }

    /// A parameter that is given but names nothing (`status=`, `status=,`): refused rather than read as "no filter",
    /// since a value that is ignored is a filter the client asked for and did not get.
    private func blank(_ name: String) -> FieldError? {
        items.contains { $0.name == name } && list(name).isEmpty
            ? FieldError(field: name, message: "must not be empty; leave the parameter out to not filter by it")
            : nil
    }

    /// Every value must be one of an enumeration's raw values.
    public func enumList<E: RawRepresentable & CaseIterable>(_ name: String, as type: E.Type) -> Result<[E], FieldError> where E.RawValue == String {
        if let error = blank(name) { return .failure(error) }
        var out: [E] = []
        for text in list(name) {
            guard let value = E(rawValue: text) else {
                let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(FieldError(field: name, message: "'\(text)' is not one of: \(allowed)"))
            }
            out.append(value)
        }
        return .success(out)
    }

    public func uuidList(_ name: String) -> Result<[UUID], FieldError> {
        if let error = blank(name) { return .failure(error) }
        var out: [UUID] = []
        for text in list(name) {
            guard let id = UUID(uuidString: text) else {
                return .failure(FieldError(field: name, message: "'\(text)' is not a UUID"))
            }
            out.append(id)
        }
        return .success(out)
    }
}
