import AtlasCore

/// Schemas of the job queue.
extension OpenAPISchemas {
    static let jobs: [String: JSONValue] = [
        "Job": object([
            "id": uuid, "kind": string, "status": enumeration(JobStatus.allCases.map(\.rawValue)), "payload": ["type": "object"],
            "priority": integer, "attempts": integer, "max_attempts": integer, "run_after": dateTime,
            "progress": ["type": "number", "minimum": 0, "maximum": 1], "progress_message": nullableString,
            "result": [:], "error": nullableString, "project_id": ["type": ["string", "null"], "format": "uuid"],
            "cancel_requested": ["type": "boolean"], "created_at": dateTime, "created_by": nullableString,
            "started_at": ["type": ["string", "null"], "format": "date-time"],
            "finished_at": ["type": ["string", "null"], "format": "date-time"],
        ], required: ["id", "kind", "status", "attempts", "max_attempts", "progress", "created_at"]),
        "JobPage": page(of: "Job"),
    ]
}
