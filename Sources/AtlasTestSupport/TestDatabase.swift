import Foundation
import Testing

/// The databases a test runs on: SQLite always, PostgreSQL when `ATLAS_TEST_POSTGRES_URL` names a server
/// (`scripts/test` starts one).
public enum TestDatabase: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The databases available in this run, for `@Test(arguments: TestDatabase.available)`.
    public static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public static var postgresURL: String? {
        let url = ProcessInfo.processInfo.environment["ATLAS_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    public var testDescription: String { rawValue }
}
