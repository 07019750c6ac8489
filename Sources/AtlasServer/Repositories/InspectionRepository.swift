import AtlasCore
import AtlasFormats
import Foundation
import SQLKit

/// The stored inspections of versions: one per version, replaced when it is inspected again.
enum InspectionRepository {
    /// A version's inspection as stored.
    struct Stored: Sendable {
        var report: JSONValue
        var errors: Int
        var warnings: Int
        var inspectedAt: Date
    }

    static func put(_ inspection: PathInspection, version: UUID, at date: Date, on sql: any SQLDatabase) async throws {
        let issues = inspection.reports.flatMap(\.issues) + inspection.sequences.flatMap(\.issues)
        try await sql.raw("DELETE FROM version_inspections WHERE version_id = \(bind: version)").run()
        try await sql.raw("""
            INSERT INTO version_inspections (version_id, report, errors, warnings, inspected_at)
            VALUES (\(bind: version), \(bind: JSONCoding.text(inspection.json)), \(bind: issues.filter { $0.severity == .error }.count),
                    \(bind: issues.filter { $0.severity == .warning }.count), \(bind: date))
            """).run()
    }

    static func find(version: UUID, on sql: any SQLDatabase) async throws -> Stored? {
        guard let row = try await sql.raw("SELECT * FROM version_inspections WHERE version_id = \(bind: version)").first() else {
            return nil
        }
        return Stored(report: JSONCoding.value(try row.decode(column: "report", as: String.self)) ?? .null,
                      errors: try row.decode(column: "errors", as: Int.self), warnings: try row.decode(column: "warnings", as: Int.self),
                      inspectedAt: try row.decode(column: "inspected_at", as: Date.self))
    }

    /// The pixels (width × height) of the image in a version's `file`, from its stored
    /// inspection; nil when it is not inspected yet, holds a sequence, or `file` is no image.
    static func imagePixels(version: UUID, file: String, on sql: any SQLDatabase) async throws -> Int? {
        guard let row = try await sql.raw("SELECT report FROM version_inspections WHERE version_id = \(bind: version)").first(),
              case .object(let report) = JSONCoding.value(try row.decode(column: "report", as: String.self)),
              case .array(let files) = report["files"] else { return nil }
        if case .array(let sequences) = report["sequences"], !sequences.isEmpty { return nil }
        for case .object(let entry) in files where entry["file_name"] == .string(file) {
            guard case .object(let image) = entry["image"], case .number(let width) = image["width"],
                  case .number(let height) = image["height"] else { return nil }
            return Int(width) * Int(height)
        }
        return nil
    }
}
