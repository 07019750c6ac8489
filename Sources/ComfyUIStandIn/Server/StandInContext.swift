/// Everything the routes reach: the queue, the socket table, the executor's services and the
/// server's settings.
struct StandInContext: Sendable {
    var queue: PromptQueue
    var hub: SocketHub
    var services: ExecutionServices
    var settings: ServerSettings

    var catalog: NodeCatalog { services.catalog }
    var environment: NodeEnvironment { services.environment }
    var folders: StandInFolders { services.environment.folders }
}

/// What the server reports about itself and the limits it applies.
struct ServerSettings: Sendable {
    var host: String
    var port: Int
    var maxUploadSize: Int
}
