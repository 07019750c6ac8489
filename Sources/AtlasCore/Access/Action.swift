/// What a request does, as the permission table sees it. Every API route declares one.
public enum Action: String, Sendable, CaseIterable {
    /// Health, readiness and the API description.
    case readSystemInfo = "read_system_info"
    /// First-start setup, signing in, asking for a token: what an anonymous caller must reach.
    case signIn = "sign_in"
    /// One's own account, session, password and API keys.
    case manageSelf = "manage_self"

    case createProject = "create_project"
    /// Lists only ever hold what the caller may see, so listing needs only an account.
    case listProjects = "list_projects"
    case readProject = "read_project"
    case manageProject = "manage_project"
    case readMembers = "read_members"
    case manageMembers = "manage_members"

    case listAssets = "list_assets"
    /// An asset's metadata, versions and status, without its files.
    case readAsset = "read_asset"
    case readPreview = "read_preview"
    /// Source files and how they depend on each other.
    case readSource = "read_source"
    case writeAsset = "write_asset"
    /// Storing content by hash, before it belongs to any asset.
    case uploadContent = "upload_content"

    /// Jobs one made, and those of one's projects.
    case readJobs = "read_jobs"
    /// Live events and their replay, filtered to what the caller may see.
    case readEvents = "read_events"
    /// Cancelling and retrying: one's own jobs, or any job of a project one produces.
    case controlJobs = "control_jobs"

    /// The tool registry: tools, their versions, inputs and estimates.
    case readAITools = "read_ai_tools"
    /// Registering tools and new versions of them.
    case registerAITools = "register_ai_tools"
    /// Running a tool in a project (its image inputs are that project's asset versions).
    case runAITools = "run_ai_tools"
    /// The ComfyUI servers of the pool, with their health.
    case manageComfyUIServers = "manage_comfyui_servers"

    case manageUsers = "manage_users"
    case readAudit = "read_audit"
    case manageSecrets = "manage_secrets"
    /// The Prometheus metrics at `/metrics`: request, job and connection figures of the whole server.
    case readMetrics = "read_metrics"
}
