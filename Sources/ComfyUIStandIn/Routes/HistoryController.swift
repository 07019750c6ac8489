import Vapor

/// `/history`: finished prompts only. A pending, running or unknown id is `{}` alike.
struct HistoryController: Sendable {
    let context: StandInContext

    @Sendable func list(_ request: Request) async throws -> Response {
        let query = QueryParameters(request.url.query)
        let maxItems = try query["max_items"].map(Self.integer)
        let offset = try query["offset"].map(Self.integer) ?? -1
        return AiohttpResponse.json(.object(await context.queue.historyPage(maxItems: maxItems, offset: offset)))
    }

    @Sendable func entry(_ request: Request) async throws -> Response {
        let promptID = request.parameters.get("prompt_id") ?? ""
        var answer = JSONObject()
        answer[promptID] = await context.queue.historyEntry(promptID).map(JSON.object)
        return AiohttpResponse.json(.object(answer))
    }

    /// `{"clear": true}` and/or `{"delete": [ids]}`.
    @Sendable func change(_ request: Request) async throws -> Response {
        let body = try RequestBody.json(request)
        if try PythonConversion.contains("clear", in: body), PythonConversion.truthy(try PythonIteration.item("clear", of: body)) {
            await context.queue.clearHistory()
        }
        if try PythonConversion.contains("delete", in: body) {
            for id in try PythonIteration.elements(of: try PythonIteration.item("delete", of: body)) {
                if case .array = id { throw PythonException.typeError("unhashable type: 'list'") }
                if let promptID = id.stringValue { await context.queue.deleteHistory(promptID) }
            }
        }
        return AiohttpResponse.empty()
    }

    /// `int(text)`, whose `ValueError` Python leaves uncaught here.
    private static func integer(_ text: String) throws -> Int {
        guard let value = PythonConversion.integerLiteral(text) else {
            throw PythonException.valueError("invalid literal for int() with base 10: \(PythonText.repr(text))")
        }
        return value
    }
}
