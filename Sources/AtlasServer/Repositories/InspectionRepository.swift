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
}
