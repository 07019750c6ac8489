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

    static let jobs: [Endpoint] = [listJobs, getJob, cancelJob, retryJob]
}
