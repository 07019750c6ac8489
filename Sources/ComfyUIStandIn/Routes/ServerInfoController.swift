import Vapor

/// Discovery routes: `/system_stats`, `/features`, `/object_info`, `/models`, `/embeddings`.
struct ServerInfoController: Sendable {
    let context: StandInContext

    @Sendable func systemStats(_ request: Request) async throws -> Response {
        AiohttpResponse.json(ServerFacts.systemStats(context.settings))
    }

    @Sendable func features(_ request: Request) async throws -> Response {
        AiohttpResponse.json(ServerFacts.features(maxUploadSize: context.settings.maxUploadSize))
    }

    @Sendable func objectInfo(_ request: Request) async throws -> Response {
        var all = JSONObject()
        for classType in context.catalog.classTypes {
            all[classType] = context.catalog.nodeInfo(classType, environment: context.environment).map(JSON.object)
        }
        return AiohttpResponse.json(.object(all))
    }

    /// One class; an unknown one is `{}` with 200, which is how clients ask whether a node exists.
    @Sendable func objectInfoOfClass(_ request: Request) async throws -> Response {
        let classType = request.parameters.get("node_class") ?? ""
        var answer = JSONObject()
        answer[classType] = context.catalog.nodeInfo(classType, environment: context.environment).map(JSON.object)
        return AiohttpResponse.json(.object(answer))
    }

    @Sendable func models(_ request: Request) async throws -> Response {
        AiohttpResponse.json(.strings(ServerFacts.modelFolders))
    }

    @Sendable func modelsInFolder(_ request: Request) async throws -> Response {
        guard let folder = request.parameters.get("folder"), ServerFacts.modelFolders.contains(folder) else {
            return AiohttpResponse.empty(.notFound)
        }
        return AiohttpResponse.json(.array([]))
    }

    @Sendable func embeddings(_ request: Request) async throws -> Response {
        AiohttpResponse.json(.array([]))
    }

    @Sendable func index(_ request: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "text/html", "Cache-Control": "no-cache"],
                 body: .init(string: "<!doctype html><html lang=\"en\"><head><title>ComfyUI</title></head><body></body></html>"))
    }
}
