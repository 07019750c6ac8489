import Vapor

/// Every route of the stand-in, each also served under `/api` as ComfyUI serves them (so the
/// jobs routes, declared as `/api/jobs`, are also at `/api/api/jobs`).
enum StandInRoutes {
    static func register(on app: Application, context: StandInContext) {
        let info = ServerInfoController(context: context)
        let prompts = PromptController(context: context)
        let queue = QueueController(context: context)
        let history = HistoryController(context: context)
        let jobs = JobsController(context: context)
        let upload = UploadController(context: context)
        let view = ViewController(context: context)
        app.get(use: info.index)
        for routes in [app as any RoutesBuilder, app.grouped("api")] {
            routes.get("system_stats", use: info.systemStats)
            routes.get("features", use: info.features)
            routes.get("object_info", use: info.objectInfo)
            routes.get("object_info", ":node_class", use: info.objectInfoOfClass)
            routes.get("models", use: info.models)
            routes.get("models", ":folder", use: info.modelsInFolder)
            routes.get("embeddings", use: info.embeddings)
            routes.get("prompt", use: prompts.load)
            routes.post("prompt", use: prompts.submit)
            routes.get("queue", use: queue.list)
            routes.post("queue", use: queue.change)
            routes.post("interrupt", use: queue.interrupt)
            routes.post("free", use: queue.free)
            routes.get("history", use: history.list)
            routes.get("history", ":prompt_id", use: history.entry)
            routes.post("history", use: history.change)
            routes.get("api", "jobs", use: jobs.list)
            routes.get("api", "jobs", ":job_id", use: jobs.job)
            routes.post("upload", "image", use: upload.image)
            routes.get("view", use: view.file)
            routes.webSocket("ws", maxFrameSize: .init(integerLiteral: 1 << 20)) { request, socket in
                let clientID = QueryParameters(request.url.query)["clientId"]
                WebSocketSession.start(socket, requestedID: clientID, hub: context.hub, queue: context.queue)
            }
        }
    }
}
