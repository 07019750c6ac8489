import AtlasCore

/// The entries of the top navigation, each shown only to roles that may use it.
enum NavigationSection: String, CaseIterable, Sendable {
    case assets, upload, projects, aiTools, jobs, administration

    var title: String {
        switch self {
        case .assets: "Assets"
        case .upload: "Upload"
        case .projects: "Projects"
        case .aiTools: "AI tools"
        case .jobs: "Jobs"
        case .administration: "Admin"
        }
    }

    var path: String {
        switch self {
        case .assets: "/"
        case .upload: "/upload"
        case .projects: "/projects"
        case .aiTools: "/ai-tools"
        case .jobs: "/jobs"
        case .administration: "/admin/users"
        }
    }

    /// What the viewer's role must be allowed for the entry to show.
    var requiredAction: Action {
        switch self {
        case .assets: .listAssets
        case .upload: .uploadContent
        case .projects: .listProjects
        case .aiTools: .readAITools
        case .jobs: .readJobs
        case .administration: .manageUsers
        }
    }
}
