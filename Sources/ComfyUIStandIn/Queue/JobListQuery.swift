import Foundation

/// The query of `GET /api/jobs`, checked as ComfyUI checks it: each problem is a 400 with
/// `{"error": "..."}`.
struct JobListQuery: Sendable {
    var statuses: [String]?
    var workflowID: String?
    var sortByDuration = false
    var descending = true
    var limit: Int?
    var offset = 0

    struct Invalid: Error {
        var message: String
    }

    init(_ parameter: (String) -> String?) throws(Invalid) {
        if let statusText = parameter("status"), !statusText.isEmpty {
            let wanted = statusText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
            let invalid = wanted.filter { !JobSummary.statuses.contains($0) }
            guard invalid.isEmpty else {
                throw Invalid(message: "Invalid status value(s): \(invalid.joined(separator: ", ")). Valid values: \(JobSummary.statuses.joined(separator: ", "))")
            }
            statuses = wanted
        }
        workflowID = parameter("workflow_id")
        switch (parameter("sort_by") ?? "created_at").lowercased() {
        case "created_at": sortByDuration = false
        case "execution_duration": sortByDuration = true
        default: throw Invalid(message: "sort_by must be 'created_at' or 'execution_duration'")
        }
        switch (parameter("sort_order") ?? "desc").lowercased() {
        case "asc": descending = false
        case "desc": descending = true
        default: throw Invalid(message: "sort_order must be 'asc' or 'desc'")
        }
        if let limitText = parameter("limit") {
            guard let value = PythonConversion.integerLiteral(limitText) else { throw Invalid(message: "limit must be an integer") }
            guard value > 0 else { throw Invalid(message: "limit must be a positive integer") }
            limit = value
        }
        if let offsetText = parameter("offset") {
            guard let value = PythonConversion.integerLiteral(offsetText) else { throw Invalid(message: "offset must be an integer") }
            offset = max(0, value)
        }
    }

    /// `get_all_jobs`: running, pending (heap order) and history, filtered, stably sorted, paged.
    func page(running: [QueueItem], pending: [QueueItem], history: JSONObject) -> (jobs: [JSONObject], total: Int) {
        let wanted = statuses ?? JobSummary.statuses
        var jobs: [JSONObject] = []
        if wanted.contains("in_progress") { jobs += running.map { JobSummary.queued($0, status: "in_progress") } }
        if wanted.contains("pending") { jobs += pending.map { JobSummary.queued($0, status: "pending") } }
        for (promptID, entry) in history {
            guard let entry = entry.objectValue else { continue }
            let job = JobSummary.finished(promptID, entry, detailed: false)
            if let status = job["status"]?.stringValue, wanted.contains(status) { jobs.append(job) }
        }
        if let workflowID, !workflowID.isEmpty { jobs = jobs.filter { $0["workflow_id"] == .string(workflowID) } }
        let sorted = jobs.enumerated().sorted { first, second in
            let a = sortKey(first.element), b = sortKey(second.element)
            if a != b { return descending ? a > b : a < b }
            return first.offset < second.offset
        }.map(\.element)
        let total = sorted.count
        let afterOffset = Array(sorted.dropFirst(offset))
        return (limit.map { Array(afterOffset.prefix($0)) } ?? afterOffset, total)
    }

    private func sortKey(_ job: JSONObject) -> Double {
        guard sortByDuration else { return job["create_time"]?.numberValue ?? 0 }
        let start = job["execution_start_time"]?.numberValue ?? 0, end = job["execution_end_time"]?.numberValue ?? 0
        return start != 0 && end != 0 ? end - start : 0
    }
}
