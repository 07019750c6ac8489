import AtlasCore

/// Routes of AI tools, their runs and the ComfyUI pool.
extension Endpoints {
    static let listAITools = Endpoint(
        method: .GET, path: "/api/v1/ai-tools", operationID: "listAITools", summary: "Registered AI tools by name", group: "AI tools",
        action: .readAITools, query: [.init(name: "category", type: "string", description: "Only tools of this category.")] + paging,
        responses: [200: "AIToolPage"])
    static let registerAITool = Endpoint(
        method: .POST, path: "/api/v1/ai-tools", operationID: "registerAITool",
        summary: "Register a tool or a new version of it (manifest + API-format workflow), checked against the pool's /object_info; "
            + "201 for a new version, 200 when the content is already the current one; 503 comfyui_unavailable when no server answers",
        group: "AI tools", action: .registerAITools,
        query: [.init(name: "check", type: "boolean", description: "false skips the server check (administrators only).")],
        body: .json(schema: "RegisterAITool"), responses: [201: "AITool", 200: "AITool"])
    static let getAITool = Endpoint(
        method: .GET, path: "/api/v1/ai-tools/{name}", operationID: "getAITool",
        summary: "A tool: current version, inputs schema, workflow and estimate (median run time, by input size when asked, and pool queue wait)",
        group: "AI tools", action: .readAITools,
        query: [.init(name: "input_pixels", type: "integer",
                      description: "Total pixels (width × height) of the image inputs about to be given: the estimate's median is then "
                          + "that of past runs in the same size class (≤ 512², ≤ 1024², ≤ 2048², ≤ 4096², larger), or of all runs "
                          + "when that class has fewer than 3 (estimate.basis says which).")],
        responses: [200: "AITool"])
    static let listAIToolVersions = Endpoint(
        method: .GET, path: "/api/v1/ai-tools/{name}/versions", operationID: "listAIToolVersions",
        summary: "Every version of a tool, newest first", group: "AI tools", action: .readAITools, responses: [200: "AIToolVersionList"])
    static let executeAITool = Endpoint(
        method: .POST, path: "/api/v1/ai-tools/{name}/execute", operationID: "executeAITool",
        summary: "Run the tool's current version: inputs checked per field, then an ai.run job (202), or the cached result (200)",
        group: "AI tools", action: .runAITools, body: .json(schema: "ExecuteAITool"), responses: [202: "AIRun", 200: "AIRun"],
        idempotent: true)
    static let batchAITool = Endpoint(
        method: .POST, path: "/api/v1/ai-tools/{name}/batch", operationID: "batchAITool",
        summary: "Run the tool over many image versions, or over every frame of a sequence (filed back as one sequence), as one job batch (202), "
            + "or answer every run (or the whole sequence) from the cache (200)",
        group: "AI tools", action: .runAITools, body: .json(schema: "BatchAITool"), responses: [202: "AIRunBatch", 200: "AIRunBatch"])
    static let listAIToolRuns = Endpoint(
        method: .GET, path: "/api/v1/ai-tools/{name}/runs", operationID: "listAIToolRuns",
        summary: "The tool's runs the caller may see (their own and their projects'), newest first, cached ones included; "
            + "a run over a sequence stands for its frames", group: "AI tools", action: .readJobs,
        query: [.init(name: "sequence_run_id", type: "string", description: "List the frames of this run over a sequence instead.")] + paging,
        responses: [200: "AIRunPage"])
    static let getAIJobStatus = Endpoint(
        method: .GET, path: "/api/v1/ai-jobs/{run_id}/status", operationID: "getAIJobStatus",
        summary: "A run's state, progress, message, server and result assets", group: "AI tools", action: .readJobs,
        responses: [200: "AIRun"])
    static let cancelAIJob = Endpoint(
        method: .POST, path: "/api/v1/ai-jobs/{run_id}/cancel", operationID: "cancelAIJob",
        summary: "Cancel a run: a queued one at once; a running one is removed from or interrupted on its ComfyUI server",
        group: "AI tools", action: .controlJobs, responses: [200: "AIRun"])
    static let rerunAIJob = Endpoint(
        method: .POST, path: "/api/v1/ai-jobs/{run_id}/rerun", operationID: "rerunAIJob",
        summary: "Run again with the same inputs (seeds included), some overridden; the same tool version unless latest_version is true",
        group: "AI tools", action: .runAITools, body: .json(schema: "RerunAIJob"), responses: [202: "AIRun", 200: "AIRun"], idempotent: true)
    static let listComfyUIServers = Endpoint(
        method: .GET, path: "/api/v1/comfyui-servers", operationID: "listComfyUIServers",
        summary: "The ComfyUI pool: every server with its health and load (credentials are never returned)", group: "AI tools",
        action: .manageComfyUIServers, responses: [200: "ComfyUIServerList"])
    static let addComfyUIServer = Endpoint(
        method: .POST, path: "/api/v1/comfyui-servers", operationID: "addComfyUIServer",
        summary: "Add a ComfyUI server to the pool (credentials for a proxy in front of it are stored encrypted)", group: "AI tools",
        action: .manageComfyUIServers, body: .json(schema: "AddComfyUIServer"), responses: [201: "ComfyUIServer"])
    static let removeComfyUIServer = Endpoint(
        method: .DELETE, path: "/api/v1/comfyui-servers/{server_id}", operationID: "removeComfyUIServer",
        summary: "Remove a server added through the API; runs on it finish", group: "AI tools", action: .manageComfyUIServers,
        responses: [204: nil])

    static let aiTools: [Endpoint] = [listAITools, registerAITool, getAITool, listAIToolVersions, executeAITool, batchAITool, listAIToolRuns, getAIJobStatus,
                                      cancelAIJob, rerunAIJob, listComfyUIServers, addComfyUIServer, removeComfyUIServer]
}
