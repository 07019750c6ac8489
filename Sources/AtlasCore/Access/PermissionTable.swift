/// The single source of truth for who may do what. Every route names an `Action`; the
/// server asks `decide` before it acts, and a test walks every route with every role to
/// hold the server to this table.
public enum PermissionTable {
    public static let rules: [Action: AccessRule] = [
        .readSystemInfo: .anyone,
        .signIn: .anyone,
        .manageSelf: .signedIn,

        .createProject: .roles([.administrator, .producer]),
        .listProjects: .signedIn,
        .readProject: .projectRoles(everyone),
        .manageProject: .projectRoles([.administrator, .producer]),
        .readMembers: .projectRoles([.administrator, .producer, .artist]),
        .manageMembers: .projectRoles([.administrator, .producer]),

        .listAssets: .signedIn,
        .readAsset: .projectRoles(everyone),
        .readPreview: .projectRoles(everyone),
        .readSource: .projectRoles(makers),
        .writeAsset: .projectRoles(makers),
        .uploadContent: .roles(makers),

        .readJobs: .signedIn,
        .readEvents: .signedIn,
        .controlJobs: .roles(makers),

        .readAITools: .signedIn,
        .registerAITools: .roles([.administrator, .producer]),
        .runAITools: .projectRoles(makers),
        .manageComfyUIServers: .roles([.administrator]),

        .manageUsers: .roles([.administrator]),
        .readAudit: .roles([.administrator]),
        .manageSecrets: .roles([.administrator]),
        .readMetrics: .roles([.administrator]),
    ]

    private static let everyone = Set(Role.allCases)
    /// Those who make and change content.
    private static let makers: Set<Role> = [.administrator, .producer, .artist]

    /// The rule for `action`; nil when the table has none, which the server treats as "nobody".
    public static func rule(for action: Action) -> AccessRule? { rules[action] }

    /// Decides for a caller with `role` (nil when anonymous). `isMember` says whether the caller
    /// belongs to the project of the object acted on; it matters only for project-scoped rules.
    public static func decide(_ action: Action, role: Role?, isMember: Bool = false) -> AccessDecision {
        guard let rule = rules[action] else { return role == nil ? .authenticate : .forbid }
        switch rule {
        case .anyone:
            return .allow
        case .signedIn:
            return role == nil ? .authenticate : .allow
        case .roles(let roles):
            guard let role else { return .authenticate }
            return roles.contains(role) ? .allow : .forbid
        case .projectRoles(let roles):
            guard let role else { return .authenticate }
            if role == .administrator { return roles.contains(role) ? .allow : .forbid }
            guard isMember else { return .conceal }
            return roles.contains(role) ? .allow : .forbid
        }
    }

    /// Whether a role sees every project, rather than only those it is a member of.
    public static func seesAllProjects(_ role: Role) -> Bool { role == .administrator }
}
