import AtlasCore

/// Schemas of AI tools and runs.
extension OpenAPISchemas {
    private static let nullableNumber: JSONValue = ["type": ["number", "null"]]
    private static let anyObject: JSONValue = ["type": "object"]

    static let aiTools: [String: JSONValue] = [
        "RegisterAITool": object(["manifest": anyObject, "workflow": anyObject], required: ["manifest", "workflow"]),
        "AITool": object([
            "id": uuid, "name": string, "title": string, "description": string, "category": string,
            "source": enumeration(["api", "builtin", "folder"]), "current_version": integer, "manifest": anyObject,
            // Lists leave the workflow out (null); a single tool carries it.
            "workflow": ["type": ["object", "null"]],
            "estimate": object([
                "median_run_seconds": nullableNumber,
                "basis": ["type": "string", "enum": ["size_class", "all_runs", "none"],
                          "description": "What the median is of: runs of the asked input size's class, all recent runs, or none yet."],
                "runs": integer,
                "by_size": ["type": "array", "description": "Without input_pixels: the median of each size class that has runs.",
                            "items": object(["max_pixels": ["type": ["integer", "null"]], "median_run_seconds": ["type": "number"], "runs": integer],
                                            required: ["max_pixels", "median_run_seconds", "runs"])],
                "queue_wait_runs": nullableNumber, "servers_up": integer, "queue_wait_seconds": nullableNumber,
            ], required: ["servers_up", "basis", "runs", "median_run_seconds"]),
        ], required: ["id", "name", "title", "category", "source", "current_version", "manifest"]),
        "AIToolPage": page(of: "AITool"),
        "AIToolVersion": object([
            "id": uuid, "number": integer, "content_hash": string, "manifest": anyObject, "workflow": anyObject, "created_at": dateTime,
            "created_by": nullableString,
        ], required: ["id", "number", "content_hash", "manifest", "workflow", "created_at"]),
        "AIToolVersionList": object(["items": ["type": "array", "items": ref("AIToolVersion")]], required: ["items"]),
        "ExecuteAITool": object([
            "inputs": ["type": "object", "description": "Values by input name; image inputs take asset version ids."],
            "project_id": ["type": ["string", "null"], "format": "uuid"],
            "fresh": ["type": "boolean", "description": "Run even when the result cache holds a result."],
        ]),
        "BatchAITool": object([
            "input": ["type": "string", "description": "The image input each version, or each frame, is given to."],
            "versions": ["type": "array", "items": uuid, "minItems": 1, "maxItems": .number(Double(AIRunBatch.maxVersions)),
                         "description": "One run per version, each filed as its own asset. Give this or sequence."],
            "sequence": ["type": "string", "format": "uuid",
                         "description": .string("A version holding an image sequence: one run per frame (at most \(AIRunBatch.maxFrames)), filed back as one sequence asset. Give this or versions.")],
            "inputs": ["type": "object", "description": "Values every run shares, by input name."],
            "project_id": ["type": ["string", "null"], "format": "uuid"],
            "fresh": ["type": "boolean"],
        ], required: ["input"]),
        "AIRunBatch": object([
            "batch_id": ["type": ["string", "null"], "format": "uuid"], "total": integer, "cached": integer,
            "sequence_run": ["oneOf": [ref("AIRun"), ["type": "null"]],
                             "description": "Over a sequence: the run that files the frames as one sequence; follow it at /api/v1/ai-jobs/{id}/status."],
            "runs": ["type": "array", "items": ref("AIRun")],
        ], required: ["batch_id", "total", "cached", "sequence_run", "runs"]),
        "AIRunPage": page(of: "AIRun"),
        "RerunAIJob": object([
            "inputs": ["type": "object", "description": "Inputs to change; the others keep the earlier run's values."],
            "fresh": ["type": "boolean"], "latest_version": ["type": "boolean", "description": "Use the tool's current version."],
        ]),
        "AIRun": object([
            "id": uuid, "job_id": ["type": ["string", "null"], "format": "uuid"], "tool": string, "tool_version": integer,
            "status": enumeration(JobStatus.allCases.map(\.rawValue)), "progress": ["type": "number", "minimum": 0, "maximum": 1],
            "message": nullableString, "server": nullableString, "cached": ["type": "boolean"], "inputs": anyObject,
            "generated_seeds": ["type": "array", "items": string],
            "results": ["type": "array", "items": object(["asset_id": uuid, "version_id": uuid, "output": string],
                                                         required: ["asset_id", "version_id", "output"])],
            "created_at": dateTime, "finished_at": ["type": ["string", "null"], "format": "date-time"],
            "sequence_input": ["type": ["string", "null"], "description": "For a run over every frame of a sequence: the image input taking the frames."],
            "sequence_run_id": ["type": ["string", "null"], "format": "uuid", "description": "For one frame of such a run: the sequence run."],
            "frame": ["type": ["integer", "null"]],
            "input_files": ["type": "object", "additionalProperties": string,
                            "description": "The file of its version an image input took, when not the first (a frame)."],
        ], required: ["id", "tool", "tool_version", "status", "progress", "cached", "inputs", "results", "created_at", "input_files"]),
        "AddComfyUIServer": object([
            "url": ["type": "string", "format": "uri"], "name": string,
            "concurrency_limit": ["type": "integer", "minimum": 1, "maximum": 64],
            "credentials": object([
                "user": string, "password": string, "header_name": string, "header_value": string,
            ]),
        ], required: ["url"]),
        "ComfyUIServer": object([
            "id": ["type": ["string", "null"], "format": "uuid"], "url": string, "name": string, "concurrency_limit": integer,
            "source": enumeration(["environment", "api"]), "health": enumeration(["unknown", "up", "down"]),
            "reason": nullableString, "queue_remaining": ["type": ["integer", "null"]], "in_flight": integer,
            "version": nullableString, "has_credentials": ["type": "boolean"],
        ], required: ["url", "name", "concurrency_limit", "source", "health", "in_flight", "has_credentials"]),
        "ComfyUIServerList": object(["items": ["type": "array", "items": ref("ComfyUIServer")]], required: ["items"]),
    ]
}
