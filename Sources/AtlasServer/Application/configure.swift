import AtlasCore
import AtlasFormats
import AtlasStorage
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Wires configuration, database, blob store, middleware and routes into a Vapor application.
public func configure(_ app: Application, _ configuration: AtlasConfiguration, clock: any AtlasClock = SystemClock()) async throws {
    try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
    let blobs = try LocalBlobStore(root: configuration.blobDirectory)
    let gate: WriteGate?
    var listener: EventListener?
    switch configuration.database {
    case .sqlite(let path):
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        gate = WriteGate(database: app.db(.sqlite))
    case .postgres(let url):
        var postgres = try SQLPostgresConfiguration(url: url)
        postgres.searchPath = nil
        // Writers to one asset queue on its row lock while holding a connection; on a busy machine a
        // burst of them outlasts the default 10 s wait for a free connection.
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 8, connectionPoolTimeout: .seconds(30)), as: .psql)
        gate = nil
        listener = EventListener(configuration: postgres.coreConfiguration, eventLoopGroup: app.eventLoopGroup, logger: app.logger)
    }
    app.atlas = AtlasServices(configuration: configuration, blobs: blobs, gate: gate, clock: clock,
                              passwords: PasswordHasher(cost: configuration.bcryptCost),
                              secrets: SecretBox(key: try SecretKeyFile.load(configuration)), throttle: LoginThrottle(),
                              metrics: AtlasMetrics(), events: makeLiveEvents(app, gate: gate, listener: listener))
    app.lifecycle.use(LiveEventsLifecycle(events: app.atlas.events))
    app.atlas.jobHandlers.register(VersionInspectionJob(blobs: blobs, tools: configuration.inspectionTools))
    app.atlas.jobHandlers.register(VersionPreviewJob(blobs: blobs, maker: PreviewMaker()))
    app.atlas.jobHandlers.register(VersionExportJob(blobs: blobs, converter: FormatConverter(tools: ConversionTools(python: configuration.python))))
    if configuration.diagnosticJobs { app.atlas.jobHandlers.register(DiagnosticEffectJob()) }
    AIToolsSetup.configure(app, configuration)
    app.migrations.add(AtlasMigrations.all)
    app.http.server.configuration.hostname = configuration.host
    app.http.server.configuration.port = configuration.port
    app.http.server.configuration.requestDecompression = .disabled
    app.middleware = Middlewares()
    app.middleware.use(MetricsMiddleware(registry: app.atlas.metrics.registry))
    app.middleware.use(SecurityHeadersMiddleware(strictTransport: configuration.servesHTTPS))
    app.middleware.use(ProblemMiddleware())
    if let folder = PublicFolder.locate(configured: configuration.publicDirectory) {
        app.middleware.use(PublicFilesMiddleware(folder: folder))
    } else {
        app.logger.warning("the web UI's files (Public/) were not found; set ATLAS_PUBLIC_DIR to show the UI")
    }
    if configuration.benchmarkWithoutAccessControl {
        app.middleware.use(BenchmarkPrincipalMiddleware())
    } else {
        app.middleware.use(AuthenticationMiddleware())
    }
    try routes(app)

    if case .sqlite = configuration.database {
        // WAL lets readers run beside the one writer; the setting is kept in the database file.
        _ = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
    }
    if configuration.autoMigrate {
        try await app.autoMigrate()
    }
    try await AIToolsSetup.start(app)
}

/// Removes the staging files of uploads that never finished, before a server starts taking uploads.
///
/// A live upload holds a lock on its staging file, so only the files of crashed or killed
/// processes go, even on a store that other replicas share. Commands such as `fsck` never
/// sweep: they have no reason to touch uploads.
func sweepUnfinishedUploads(_ app: Application) throws {
    let swept = try app.atlas.blobs.sweepStaging(olderThan: 0)
    if swept > 0 { app.logger.notice("removed \(swept) unfinished upload(s) left by an earlier run") }
}

/// Live events over this application's database. On PostgreSQL, commits are announced to the
/// other processes with NOTIFY and heard with LISTEN; on SQLite, processes sharing the file
/// find each other's events by polling it, often since the read is cheap.
private func makeLiveEvents(_ app: Application, gate: WriteGate?, listener: EventListener?) -> LiveEvents {
    let announce: @Sendable () async throws -> Void = { [app] in
        try await (app.db as! any SQLDatabase).raw("NOTIFY \(unsafeRaw: EventListener.channel)").run()
    }
    let signal = EventSignal(notify: listener == nil ? nil : announce)
    let database = AtlasDatabase(database: app.db, gate: gate, events: signal)
    let settings = EventFeed.Settings(pollInterval: listener == nil ? .milliseconds(100) : .seconds(1))
    return LiveEvents(signal: signal, database: database, listener: listener, settings: settings, logger: app.logger)
}
