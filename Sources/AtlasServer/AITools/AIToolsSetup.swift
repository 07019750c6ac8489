import AtlasComfyUI
import AtlasCore
import AtlasFormats
import Foundation
import Vapor

/// Wires AI tools into the application: the ComfyUI pool, the `ai.run` handler, and at start the
/// servers of the admin API, the built-in tools and those of `ATLAS_TOOLS_DIR`.
enum AIToolsSetup {
    static func configure(_ app: Application, _ configuration: AtlasConfiguration) {
        // A client of its own with a short connect timeout: a server that went down is noticed in seconds.
        let httpClient = ComfyUIClient.makeHTTPClient()
        app.lifecycle.use(ComfyUIHTTPClientLifecycle(httpClient: httpClient))
        let pool = ComfyUIPool(servers: configuration.comfyUIURLs.map { ComfyUIServerConfiguration(url: $0) }, httpClient: httpClient)
        app.comfyUIPool = pool
        app.atlas.jobHandlers.register(AIRunJob(pool: pool, blobs: app.atlas.blobs,
                                                converter: FormatConverter(tools: ConversionTools(python: configuration.python))))
        app.atlas.jobHandlers.register(AISequenceFilingJob())
    }

    /// Once the database is migrated: adds stored servers to the pool and registers the built-in
    /// and folder tools (same content adds no version). A folder tool that cannot be read is
    /// logged and left out; it never stops the server.
    static func start(_ app: Application) async throws {
        guard try await app.migrator.previewPrepareBatch().get().isEmpty else { return }
        let database = app.atlasDatabase
        for server in try await ComfyUIServerRepository.all(on: database.sql) {
            await app.comfyUIPool.add(try ComfyUIServerRepository.configuration(server, secrets: app.atlas.secrets))
        }
        var tools = try BuiltInAITools.all.map { (content: $0, source: "builtin") }
        if let folder = app.atlas.configuration.toolsDirectory {
            for (file, result) in AIToolFolder(path: folder).tools() {
                switch result {
                case .success(let content) where content.manifest.problems(workflow: content.workflow).isEmpty:
                    tools.append((content, "folder"))
                case .success(let content):
                    let problems = content.manifest.problems(workflow: content.workflow).map(\.description).joined(separator: "; ")
                    app.logger.warning("tool \(file) in ATLAS_TOOLS_DIR is left out: \(problems)")
                case .failure(let error):
                    app.logger.warning("tool \(file) in ATLAS_TOOLS_DIR is left out: \(error)")
                }
            }
        }
        let change = Change.cli("tools.load", at: app.atlas.clock.now())
        try await database.write { [tools] sql in
            for tool in tools {
                let registered = try await AIToolRepository.register(tool.content, source: tool.source, change: change, on: sql)
                if registered.created {
                    try await AuditLog.record(change, kind: "ai_tool", id: registered.tool.id, after: AIToolVersionBody(registered.tool.current), on: sql)
                }
            }
        }
    }
}
