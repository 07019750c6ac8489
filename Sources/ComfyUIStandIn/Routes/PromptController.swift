import Foundation
import Vapor

/// `GET /prompt` (the load) and `POST /prompt` (validate and queue).
struct PromptController: Sendable {
    let context: StandInContext

    @Sendable func load(_ request: Request) async throws -> Response {
        AiohttpResponse.json(["exec_info": ["queue_remaining": .int(await context.queue.remaining)]])
    }

    /// `post_prompt` of v0.12.1, Python's lookups included: a body that is not an object fails
    /// wherever Python's `in` and `[]` would.
    @Sendable func submit(_ request: Request) async throws -> Response {
        let arrived = ContinuousClock.now, arrivedDate = Date()
        let body = try RequestBody.json(request)
        let number = try await priority(of: body)
        guard try PythonConversion.contains("prompt", in: body) else {
            let error = ValidationIssue.make("no_prompt", "No prompt provided", details: "No prompt provided")
            return AiohttpResponse.json(["error": error, "node_errors": .object(JSONObject())], status: .badRequest)
        }
        let fields = try Self.object(body)
        let promptID = fields["prompt_id"].map(PythonText.str) ?? UUID().uuidString.lowercased()
        let validator = PromptValidator(catalog: context.catalog, environment: context.environment)
        let outcome = try validator.validate(fields["prompt"]!, partialTargets: fields["partial_execution_targets"])
        var extraData = fields["extra_data"] ?? .object(JSONObject())
        if let clientID = fields["client_id"] {
            guard var object = extraData.objectValue else { throw PythonException.typeError("'\(extraData.pythonTypeName)' object does not support item assignment") }
            object["client_id"] = clientID
            extraData = .object(object)
        }
        switch outcome {
        case .rejected(let error, let nodeErrors):
            return AiohttpResponse.json(["error": error, "node_errors": .object(nodeErrors)], status: .badRequest)
        case .accepted(let prompt, let outputs, let nodeErrors):
            guard var extra = extraData.objectValue else {
                throw PythonException.typeError("'\(extraData.pythonTypeName)' object does not support item assignment")
            }
            var sensitive = JSONObject()
            for key in ["auth_token_comfy_org", "api_key_comfy_org"] where extra.contains(key) {
                sensitive[key] = extra[key]
                extra.remove(key)
            }
            extra["create_time"] = .int(Int(Date().timeIntervalSince1970 * 1000))
            await context.queue.put(QueueItem(number: number, promptID: promptID, prompt: prompt, extraData: extra,
                                              outputsToExecute: outputs, sensitive: sensitive))
            await context.services.receipts.received(promptID, at: arrived, date: arrivedDate)
            return AiohttpResponse.json(["prompt_id": .string(promptID), "number": number, "node_errors": .object(nodeErrors)])
        }
    }

    /// An explicit `number` is used as given, as a float; otherwise the counter (negated for `front`).
    private func priority(of body: JSON) async throws -> JSON {
        if try PythonConversion.contains("number", in: body) {
            return .double(try PythonConversion.float(try Self.object(body)["number"]!))
        }
        var front = false
        if try PythonConversion.contains("front", in: body) { front = PythonConversion.truthy(try Self.object(body)["front"]!) }
        return .int(await context.queue.nextNumber(front: front))
    }

    /// `json_data[key]` needs a dict; a list or string that passed the `in` test fails here.
    private static func object(_ body: JSON) throws(PythonException) -> JSONObject {
        guard let object = body.objectValue else {
            throw .typeError("\(body.pythonTypeName) indices must be integers or slices, not str")
        }
        return object
    }
}
