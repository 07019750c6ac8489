import AtlasCore

/// Schemas of the job queue.
extension OpenAPISchemas {
    static let jobs: [String: JSONValue] = [
        "Job": object([
            "id": uuid, "kind": string, "status": enumeration(JobStatus.allCases.map(\.rawValue)), "payload": ["type": "object"],
            "priority": integer, "attempts": integer, "max_attempts": integer, "run_after": dateTime,
            "progress": ["type": "number", "minimum": 0, "maximum": 1], "progress_message": nullableString,
            "result": [:], "error": nullableString, "project_id": ["type": ["string", "null"], "format": "uuid"],
            "batch_id": ["type": ["string", "null"], "format": "uuid"],
            "cancel_requested": ["type": "boolean"], "created_at": dateTime, "created_by": nullableString,
            "started_at": ["type": ["string", "null"], "format": "date-time"],
            "finished_at": ["type": ["string", "null"], "format": "date-time"],
        ], required: ["id", "kind", "status", "attempts", "max_attempts", "progress", "created_at"]),
        "JobPage": page(of: "Job"),
        "VersionInspection": object([
            "status": enumeration(["pending", "done"]), "errors": integer, "warnings": integer,
            "inspected_at": ["type": ["string", "null"], "format": "date-time"],
            "files": ["type": "array", "items": ["type": "object"]], "sequences": ["type": "array", "items": ["type": "object"]],
        ], required: ["status", "errors", "warnings", "files", "sequences"]),
        "JobBatch": object([
            "id": uuid, "project_id": ["type": ["string", "null"], "format": "uuid"], "total": integer,
            "status": enumeration(JobStatus.allCases.map(\.rawValue)),
            "counts": object(Dictionary(uniqueKeysWithValues: JobStatus.allCases.map { ($0.rawValue, integer) }),
                             required: JobStatus.allCases.map(\.rawValue)),
            "progress": ["type": "number", "minimum": 0, "maximum": 1],
            "created_at": dateTime, "created_by": nullableString,
        ], required: ["id", "total", "status", "counts", "progress", "created_at"]),
        "Event": object([
            "type": string, "topic": string, "seq": integer, "at": dateTime, "client_id": nullableString, "data": [:],
        ], required: ["type", "seq", "at", "data"]),
        "EventPage": object([
            "items": ["type": "array", "items": ref("Event")],
            "next_cursor": ["type": ["string", "null"], "description": "The seq to pass as `after` for more; null when there is no more now."],
            "last_seq": integer,
        ], required: ["items", "next_cursor", "last_seq"]),
    ]
}
