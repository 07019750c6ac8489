/// `/api/jobs` entries, made from queue items and history entries as ComfyUI v0.12.1's
/// `comfy_execution/jobs.py` does: absent values are left out, not sent as null.
enum JobSummary {
    static let statuses = ["pending", "in_progress", "completed", "failed", "cancelled"]

    static func queued(_ item: QueueItem, status: String) -> JSONObject {
        var job: JSONObject = ["id": .string(item.promptID), "status": .string(status), "priority": item.number]
        job["create_time"] = item.createTime
        job["outputs_count"] = 0
        job["workflow_id"] = workflowID(item.extraData)
        return job
    }

    /// A finished prompt; `detailed` adds outputs, status messages and the workflow (`/api/jobs/{id}`).
    static func finished(_ promptID: String, _ entry: JSONObject, detailed: Bool) -> JSONObject {
        let tuple = entry["prompt"]?.arrayValue ?? []
        let extraData = tuple.count > 3 ? tuple[3].objectValue ?? JSONObject() : JSONObject()
        let statusInfo = entry["status"]?.objectValue
        let outputs = entry["outputs"]?.objectValue ?? JSONObject()
        let timing = Timing(messages: statusInfo?["messages"]?.arrayValue ?? [])
        let status: String = switch statusInfo?["status_str"]?.stringValue {
        case "error": timing.interrupted ? "cancelled" : "failed"
        default: "completed"
        }
        var job: JSONObject = ["id": .string(promptID), "status": .string(status), "priority": tuple.first ?? .null]
        job["create_time"] = extraData["create_time"]
        job["execution_start_time"] = timing.start
        job["execution_end_time"] = timing.end
        job["execution_error"] = timing.error
        let (count, preview) = outputSummary(outputs)
        job["outputs_count"] = .int(count)
        job["preview_output"] = preview.map(JSON.object)
        job["workflow_id"] = workflowID(extraData)
        if detailed {
            job["outputs"] = .object(outputs)
            job["execution_status"] = statusInfo.map(JSON.object) ?? .null
            job["workflow"] = ["prompt": tuple.count > 2 ? tuple[2] : .null, "extra_data": .object(extraData)]
        }
        return job
    }

    /// What the status messages say about the run's times and end.
    private struct Timing {
        var start: JSON?, end: JSON?, error: JSON?
        var interrupted = false

        init(messages: [JSON]) {
            for message in messages {
                guard let pair = message.arrayValue, pair.count >= 2, let event = pair[0].stringValue,
                      case .object(let data) = pair[1] else { continue }
                switch event {
                case "execution_start": start = data["timestamp"]
                case "execution_success", "execution_error", "execution_interrupted":
                    end = data["timestamp"]
                    if event == "execution_error" { error = pair[1] }
                    if event == "execution_interrupted" { interrupted = true }
                default: break
                }
            }
        }
    }

    /// Counts output items and picks the preview: a saved (`output`) image first, else any other.
    private static func outputSummary(_ outputs: JSONObject) -> (Int, JSONObject?) {
        var count = 0
        var preview: JSONObject?, fallback: JSONObject?
        for (nodeID, nodeOutputs) in outputs {
            guard let media = nodeOutputs.objectValue else { continue }
            for (mediaType, items) in media where mediaType != "animated" {
                for case .object(let item) in items.arrayValue ?? [] {
                    count += 1
                    guard preview == nil, ["images", "video", "audio", "3d", "text"].contains(mediaType) else { continue }
                    var enriched = item
                    enriched["nodeId"] = .string(nodeID)
                    if enriched["mediaType"] == nil { enriched["mediaType"] = .string(mediaType) }
                    if item["type"] == "output" { preview = enriched } else if fallback == nil { fallback = enriched }
                }
            }
        }
        return (count, preview ?? fallback)
    }

    private static func workflowID(_ extraData: JSONObject) -> JSON? {
        extraData["extra_pnginfo"]?["workflow"]?["id"]
    }
}
