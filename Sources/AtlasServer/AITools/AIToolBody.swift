import AtlasComfyUI
import AtlasCore
import Foundation

/// A tool as the API shows it: its current version's manifest (the inputs schema) and, on the
/// detail route, the workflow and the estimate.
struct AIToolBody: Encodable, Sendable {
    var id: String
    var name: String
    var title: String
    var description: String
    var category: String
    var source: String
    var currentVersion: Int
    var manifest: AIToolManifest
    var workflow: JSONValue?
    var estimate: AIToolEstimate?

    init(_ tool: AITool, withWorkflow: Bool = false, estimate: AIToolEstimate? = nil) {
        id = tool.id.lowercased
        name = tool.name
        title = tool.current.manifest.title
        description = tool.current.manifest.description
        category = tool.category
        source = tool.source
        currentVersion = tool.current.number
        manifest = tool.current.manifest
        workflow = withWorkflow ? tool.current.workflow.json : nil
        self.estimate = estimate
    }

    enum CodingKeys: String, CodingKey {
        case id, name, title, description, category, source, manifest, workflow, estimate
        case currentVersion = "current_version"
    }
}

/// A version of a tool as the API shows it.
struct AIToolVersionBody: Encodable, Sendable {
    var id: String
    var number: Int
    var contentHash: String
    var manifest: AIToolManifest
    var workflow: JSONValue
    var createdAt: Date
    var createdBy: String?

    init(_ version: AIToolVersion) {
        id = version.id.lowercased
        number = version.number
        contentHash = version.contentHash
        manifest = version.manifest
        workflow = version.workflow.json
        createdAt = version.createdAt
        createdBy = version.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, number, manifest, workflow
        case contentHash = "content_hash", createdAt = "created_at", createdBy = "created_by"
    }
}

/// How long a run of the tool is expected to take before it is submitted, for an input size
/// when one is given (see `AIToolRunTime`), and how long it would wait in the pool's queue.
struct AIToolEstimate: Encodable, Sendable {
    /// Median of the tool's past runs on ComfyUI (cache hits left out); null before the first.
    @Nullable var medianRunSeconds: Double?
    /// What the median is of: the asked input size's class, all runs, or none yet.
    var basis: AIToolRunTime.Basis
    /// How many runs the median is made of.
    var runs: Int
    /// The median per input size class, when no input size was asked about.
    var bySize: [AIToolRunTime.SizeClassMedian]?
    /// Prompts queued on the healthy servers now, per server that can take runs.
    var queueWaitRuns: Double?
    var serversUp: Int
    /// `medianRunSeconds × queueWaitRuns`, when both are known.
    var queueWaitSeconds: Double?

    enum CodingKeys: String, CodingKey {
        case basis, runs
        case medianRunSeconds = "median_run_seconds", bySize = "by_size", queueWaitRuns = "queue_wait_runs", serversUp = "servers_up",
             queueWaitSeconds = "queue_wait_seconds"
    }

    init(runTime: AIToolRunTime, statuses: [ComfyUIServerStatus]) {
        let median = runTime.medianSeconds
        medianRunSeconds = median
        basis = runTime.basis
        runs = runTime.runs
        bySize = runTime.bySize
        let up = statuses.filter { $0.health == .up }
        serversUp = up.count
        queueWaitRuns = up.isEmpty ? nil : Double(up.map(\.load).reduce(0, +)) / Double(up.count)
        queueWaitSeconds = median.flatMap { m in queueWaitRuns.map { $0 * m } }
    }
}
