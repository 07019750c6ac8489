import Logging
import Vapor

/// One listening session of the stand-in: a Vapor application bound to the port. Going down and
/// coming back replaces it, while queue, history and executor live on.
final class HTTPFront: Sendable {
    let app: Application
    let port: Int

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    static func start(context: StandInContext, host: String, port: Int) async throws -> HTTPFront {
        var logger = Logger(label: "comfyui-standin")
        logger.logLevel = .warning
        let app = try await Application.make(.testing, logger: logger)
        app.middleware = Middlewares()
        app.middleware.use(OriginCheckMiddleware())
        app.middleware.use(AiohttpErrorMiddleware(maxUploadSize: context.settings.maxUploadSize))
        app.routes.defaultMaxBodySize = ByteCount(value: context.settings.maxUploadSize)
        app.http.server.configuration.reuseAddress = true
        StandInRoutes.register(on: app, context: context)
        do {
            try await app.asyncBoot()
            try await app.server.start(address: .hostname(host, port: port))
            guard let bound = app.http.server.shared.localAddress?.port else { throw StandInError.notListening }
            return HTTPFront(app: app, port: bound)
        } catch {
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
    }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}

/// Why a stand-in could not start.
public enum StandInError: Error, Sendable {
    case notListening
    case alreadyListening
}
