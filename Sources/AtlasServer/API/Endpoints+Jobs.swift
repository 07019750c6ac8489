import AtlasCore

/// Routes of the job queue.
extension Endpoints {
    static let listJobs = Endpoint(
        method: .GET, path: "/api/v1/jobs", operationID: "listJobs",
        summary: "Jobs the caller may see (their own, and those of their projects), newest first", group: "Jobs",
        action: .readJobs,
        query: [
            .init(name: "kind", type: "string", description: "Job kind (comma list)."),
            .init(name: "status", type: "string", description: "Status (comma list).", enumValues: JobStatus.allCases.map(\.rawValue)),
            .init(name: "project_id", type: "string", description: "Project id (comma list)."),
            .init(name: "created_by", type: "string", description: "Account id (comma list)."),
            .init(name: "batch_id", type: "string", description: "Batch id (comma list): the jobs of these batches."),
        ] + paging,
        responses: [200: "JobPage"])
    static let getJob = Endpoint(
        method: .GET, path: "/api/v1/jobs/{job_id}", operationID: "getJob", summary: "A job with its progress and result",
        group: "Jobs", action: .readJobs, responses: [200: "Job"])
    static let cancelJob = Endpoint(
        method: .POST, path: "/api/v1/jobs/{job_id}/cancel", operationID: "cancelJob",
        summary: "Cancel a job: a queued one at once, a running one as soon as its handler stops", group: "Jobs",
        action: .controlJobs, responses: [200: "Job"])
    static let retryJob = Endpoint(
        method: .POST, path: "/api/v1/jobs/{job_id}/retry", operationID: "retryJob",
        summary: "Queue a failed or cancelled job again", group: "Jobs", action: .controlJobs, responses: [200: "Job"])

    static let followJob = Endpoint(
        method: .GET, path: "/api/v1/jobs/{job_id}/events", operationID: "followJob",
        summary: "The job's events as Server-Sent Events: its state now, then each change until it ends (Last-Event-ID resumes)",
        group: "Jobs", action: .readJobs, responses: [200: "EventStream"])
    static let getJobBatch = Endpoint(
        method: .GET, path: "/api/v1/job-batches/{batch_id}", operationID: "getJobBatch",
        summary: "A batch of jobs with its totals by status and aggregate progress", group: "Jobs", action: .readJobs,
        responses: [200: "JobBatch"])
    static let cancelJobBatch = Endpoint(
        method: .POST, path: "/api/v1/job-batches/{batch_id}/cancel", operationID: "cancelJobBatch",
        summary: "Cancel every job of a batch that has not ended", group: "Jobs", action: .controlJobs,
        responses: [200: "JobBatch"])
    static let replayEvents = Endpoint(
        method: .GET, path: "/api/v1/events", operationID: "replayEvents",
        summary: "Events after a sequence number that the caller may see (kept at least 24 hours); "
            + "the same path upgraded to a WebSocket streams them live", group: "Events", action: .readEvents,
        query: [
            .init(name: "after", type: "integer", description: "Return events numbered above this (default 0)."),
            .init(name: "topic", type: "string", description: "Only events on these topics (comma list): jobs, job:<id>, batch:<id>, asset:<id>, project:<id>."),
            .init(name: "limit", type: "integer", description: "At most this many events (default 50, at most 500)."),
        ],
        responses: [200: "EventPage"])

    static let getInspection = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}/inspection", operationID: "getInspection",
        summary: "What the version's files are, read from their bytes: formats, image headers, sequences and problems (pending until its job ran)",
        group: "Versions", action: .readSource, responses: [200: "VersionInspection"])

    static let jobs: [Endpoint] = [listJobs, getJob, cancelJob, retryJob, followJob, getJobBatch, cancelJobBatch, replayEvents,
                                   getInspection]
}
