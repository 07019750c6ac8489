import AtlasCore
import AtlasServer
import Foundation
import Vapor
import VaporTesting

/// A running Atlas application on a database and data folder of its own.
public struct AtlasTestApp: Sendable {
    public let app: Application
    public let configuration: AtlasConfiguration
    public let database: TestDatabase
    /// An API key of `admin`, the administrator every test app starts with.
    public let adminKey: String
    public let adminID: String

    /// The administrator as an account.
    public var admin: TestAccount {
        TestAccount(id: adminID, username: "admin", role: .administrator, key: adminKey, client: client)
    }

    /// A client that sends requests through the application in process, as the administrator.
    public var client: TestClient { TestClient.bearer(adminKey, app: app) }
    /// A client with no credentials.
    public var anonymousClient: TestClient { TestClient(app: app) }
    public var blobDirectory: String { configuration.blobDirectory }
}

/// Boots the real application on a real database with per-test isolation, runs `body`, and
/// tears everything down again (DESIGN.md §3, point 10).
public func withAtlasApp<T>(
    _ database: TestDatabase,
    adjust: (inout AtlasConfiguration) -> Void = { _ in },
    _ body: (AtlasTestApp) async throws -> T
) async throws -> T {
    let folder = try TemporaryDirectory()
    var configuration = AtlasConfiguration()
    configuration.dataDirectory = folder.path
    configuration.autoMigrate = true
    configuration.port = 0
    // bcrypt's lowest cost: tests check behaviour, and the real cost would make each sign-in take a quarter second.
    configuration.bcryptCost = 4
    var postgresURL: String?
    switch database {
    case .sqlite:
        configuration.database = .sqlite(path: folder.file("atlas.sqlite"))
    case .postgres:
        guard let server = TestDatabase.postgresURL else { throw TestSupportError("ATLAS_TEST_POSTGRES_URL is not set") }
        let url = try await PostgresTestDatabase.create(serverURL: server)
        postgresURL = url
        configuration.database = .postgres(url: url)
    }
    adjust(&configuration)
    let app = try await Application.make(.testing)
    // Each test boots an app and migrates a database: at info level that is pages of noise per test.
    app.logger.logLevel = .warning
    // Vapor asserts when an application is shut down twice: a shutdown that itself threw must not be retried.
    var shutDown = false
    do {
        try await configure(app, configuration)
        let admin = try await AccountCommands.createUser(on: app, username: "admin", password: TestAccount.password,
                                                         role: "administrator", displayName: "Test Administrator", apiKeyName: "tests")
        let result = try await body(AtlasTestApp(app: app, configuration: configuration, database: database, adminKey: admin.apiKey!,
                                                        adminID: admin.userID))
        shutDown = true
        try await app.asyncShutdown()
        try await cleanUp(folder, postgresURL)
        return result
    } catch {
        if !shutDown { try? await app.asyncShutdown() }
        try? await cleanUp(folder, postgresURL)
        throw error
    }
}

private func cleanUp(_ folder: TemporaryDirectory, _ postgresURL: String?) async throws {
    folder.remove()
    if let postgresURL, let server = TestDatabase.postgresURL {
        try await PostgresTestDatabase.drop(postgresURL, serverURL: server)
    }
}

/// A failure of the test harness itself, with what to do about it.
public struct TestSupportError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
