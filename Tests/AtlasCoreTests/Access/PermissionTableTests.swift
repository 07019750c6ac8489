import AtlasCore
import Testing

@Suite("The permission table")
struct PermissionTableTests {
    @Test("Every action has a rule")
    func complete() {
        for action in Action.allCases {
            #expect(PermissionTable.rule(for: action) != nil, "\(action) has no rule")
        }
    }

    @Test("An administrator may do everything, member of a project or not", arguments: Action.allCases)
    func administrator(action: Action) {
        #expect(PermissionTable.decide(action, role: .administrator, isMember: false) == .allow)
    }

    @Test("Without an account only the public actions are allowed; the rest ask to authenticate", arguments: Action.allCases)
    func anonymous(action: Action) {
        let open: Set<Action> = [.readSystemInfo, .signIn]
        #expect(PermissionTable.decide(action, role: nil) == (open.contains(action) ? .allow : .authenticate))
    }

    @Test("A Client sees previews and status of their projects, never source files, users or the audit log")
    func client() {
        #expect(PermissionTable.decide(.readAsset, role: .client, isMember: true) == .allow)
        #expect(PermissionTable.decide(.readPreview, role: .client, isMember: true) == .allow)
        #expect(PermissionTable.decide(.readSource, role: .client, isMember: true) == .forbid)
        #expect(PermissionTable.decide(.writeAsset, role: .client, isMember: true) == .forbid)
        #expect(PermissionTable.decide(.manageUsers, role: .client) == .forbid)
        #expect(PermissionTable.decide(.readAudit, role: .client) == .forbid)
        #expect(PermissionTable.decide(.uploadContent, role: .client) == .forbid)
    }

    @Test("To a non-member, another project's objects do not exist, whatever the role", arguments: [Role.producer, .artist, .client])
    func nonMembersAreConcealed(role: Role) {
        for action in Action.allCases where PermissionTable.rule(for: action)?.isProjectScoped == true {
            #expect(PermissionTable.decide(action, role: role, isMember: false) == .conceal, "\(action)")
        }
    }

    @Test("Artists make assets in their projects; producers also run projects and their members")
    func makers() {
        #expect(PermissionTable.decide(.writeAsset, role: .artist, isMember: true) == .allow)
        #expect(PermissionTable.decide(.readSource, role: .artist, isMember: true) == .allow)
        #expect(PermissionTable.decide(.manageMembers, role: .artist, isMember: true) == .forbid)
        #expect(PermissionTable.decide(.createProject, role: .artist) == .forbid)
        #expect(PermissionTable.decide(.createProject, role: .producer) == .allow)
        #expect(PermissionTable.decide(.manageMembers, role: .producer, isMember: true) == .allow)
        #expect(PermissionTable.decide(.manageUsers, role: .producer) == .forbid)
    }

    @Test("Only administrators see every project")
    func seesAllProjects() {
        #expect(Role.allCases.filter(PermissionTable.seesAllProjects) == [.administrator])
    }
}
