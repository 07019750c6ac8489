import AtlasCore

/// Routes of accounts, sign-in, membership, the audit log, secrets and previews.
extension Endpoints {
    // MARK: Setup and sign-in
    static let setup = Endpoint(
        method: .POST, path: "/api/v1/setup", operationID: "setup",
        summary: "Create the first administrator with the one-time token `atlas serve` printed", group: "Accounts",
        action: .signIn, body: .json(schema: "Setup"), responses: [201: "User"])
    static let setupPage = Endpoint(
        method: .GET, path: "/setup", operationID: "setupPage", summary: "The first-start page (HTML)", group: "Pages",
        action: .signIn, query: [.init(name: "token", type: "string", description: "The one-time setup token.")],
        responses: [200: "HTML"])
    static let submitSetupPage = Endpoint(
        method: .POST, path: "/setup", operationID: "submitSetupPage",
        summary: "The first-start form: creates the administrator, signs them in and redirects to /", group: "Pages",
        action: .signIn, body: .form(schema: "SetupForm"), responses: [303: nil, 400: "HTML", 403: "HTML", 409: "HTML"])
    static let login = Endpoint(
        method: .POST, path: "/api/v1/auth/login", operationID: "login",
        summary: "Sign a browser in: sets the session cookie and returns the CSRF token", group: "Accounts",
        action: .signIn, body: .json(schema: "Login"), responses: [200: "Session"])
    static let logout = Endpoint(
        method: .POST, path: "/api/v1/auth/logout", operationID: "logout",
        summary: "Sign out: revokes the session or token this request came with", group: "Accounts",
        action: .manageSelf, responses: [204: nil])
    static let createToken = Endpoint(
        method: .POST, path: "/api/v1/auth/token", operationID: "createToken",
        summary: "Exchange a username and password for a bearer token", group: "Accounts",
        action: .signIn, body: .json(schema: "TokenRequest"), responses: [201: "Token"])

    // MARK: One's own account
    static let getMe = Endpoint(
        method: .GET, path: "/api/v1/me", operationID: "getMe", summary: "The signed-in account", group: "Accounts",
        action: .manageSelf, responses: [200: "User"])
    static let changePassword = Endpoint(
        method: .POST, path: "/api/v1/me/password", operationID: "changePassword",
        summary: "Change one's password (signs out other sessions and tokens)", group: "Accounts",
        action: .manageSelf, body: .json(schema: "ChangePassword"), responses: [204: nil])
    static let listAPIKeys = Endpoint(
        method: .GET, path: "/api/v1/me/api-keys", operationID: "listAPIKeys", summary: "One's personal API keys (never their secrets)",
        group: "Accounts", action: .manageSelf, responses: [200: "APIKeyList"])
    static let createAPIKey = Endpoint(
        method: .POST, path: "/api/v1/me/api-keys", operationID: "createAPIKey",
        summary: "Create a personal API key for a DCC panel, farm script or CI; the key is shown once", group: "Accounts",
        action: .manageSelf, body: .json(schema: "CreateAPIKey"), responses: [201: "APIKey"])
    static let revokeAPIKey = Endpoint(
        method: .DELETE, path: "/api/v1/me/api-keys/{key_id}", operationID: "revokeAPIKey", summary: "Revoke one of one's API keys",
        group: "Accounts", action: .manageSelf, responses: [204: nil])

    // MARK: Accounts (administrators)
    static let createUser = Endpoint(
        method: .POST, path: "/api/v1/users", operationID: "createUser", summary: "Create an account", group: "Users",
        action: .manageUsers, body: .json(schema: "CreateUser"), responses: [201: "User"], idempotent: true)
    static let listUsers = Endpoint(
        method: .GET, path: "/api/v1/users", operationID: "listUsers", summary: "Accounts by username", group: "Users",
        action: .manageUsers,
        query: [.init(name: "role", type: "string", description: "Role (comma list).", enumValues: Role.allCases.map(\.rawValue))] + paging,
        responses: [200: "UserPage"])
    static let getUser = Endpoint(
        method: .GET, path: "/api/v1/users/{user_id}", operationID: "getUser", summary: "Get an account", group: "Users",
        action: .manageUsers, responses: [200: "User"])
    static let updateUser = Endpoint(
        method: .PATCH, path: "/api/v1/users/{user_id}", operationID: "updateUser",
        summary: "Change an account's role or display name", group: "Users",
        action: .manageUsers, body: .json(schema: "UpdateUser"), responses: [200: "User"], conditional: true)
    static let disableUser = Endpoint(
        method: .POST, path: "/api/v1/users/{user_id}/disable", operationID: "disableUser",
        summary: "Disable an account: its sessions, tokens and keys stop working at once", group: "Users",
        action: .manageUsers, responses: [200: "User"])
    static let enableUser = Endpoint(
        method: .POST, path: "/api/v1/users/{user_id}/enable", operationID: "enableUser", summary: "Enable a disabled account",
        group: "Users", action: .manageUsers, responses: [200: "User"])
    static let resetPassword = Endpoint(
        method: .POST, path: "/api/v1/users/{user_id}/password", operationID: "resetPassword",
        summary: "Set a new password for an account (signs out its sessions and tokens)", group: "Users",
        action: .manageUsers, body: .json(schema: "SetPassword"), responses: [204: nil])

    static let listUserAPIKeys = Endpoint(
        method: .GET, path: "/api/v1/users/{user_id}/api-keys", operationID: "listUserAPIKeys",
        summary: "An account's personal API keys (never their secrets)", group: "Users", action: .manageUsers, responses: [200: "APIKeyList"])
    static let revokeUserAPIKey = Endpoint(
        method: .DELETE, path: "/api/v1/users/{user_id}/api-keys/{key_id}", operationID: "revokeUserAPIKey",
        summary: "Revoke one of an account's API keys (a leaked key, a script retired) without disabling the account", group: "Users",
        action: .manageUsers, responses: [204: nil])

    // MARK: Project members
    static let listMembers = Endpoint(
        method: .GET, path: "/api/v1/projects/{project_id}/members", operationID: "listMembers", summary: "A project's members",
        group: "Projects", action: .readMembers, responses: [200: "MemberList"])
    static let addMember = Endpoint(
        method: .POST, path: "/api/v1/projects/{project_id}/members", operationID: "addMember",
        summary: "Add an account (by user_id or username) to a project", group: "Projects",
        action: .manageMembers, body: .json(schema: "AddMember"), responses: [201: "Member", 200: "Member"])
    static let removeMember = Endpoint(
        method: .DELETE, path: "/api/v1/projects/{project_id}/members/{user_id}", operationID: "removeMember",
        summary: "Remove an account from a project", group: "Projects", action: .manageMembers, responses: [204: nil])

    // MARK: Audit log and secrets (administrators)
    static let listAudit = Endpoint(
        method: .GET, path: "/api/v1/audit", operationID: "listAudit", summary: "The audit log, newest first", group: "Admin",
        action: .readAudit,
        query: [
            .init(name: "actor", type: "string", description: "Account id, API key id or username (comma list)."),
            .init(name: "object_id", type: "string", description: "Object id (comma list)."),
            .init(name: "object_kind", type: "string", description: "Object kind, e.g. asset (comma list)."),
            .init(name: "action", type: "string", description: "Operation, e.g. updateAsset (comma list)."),
            .init(name: "after", type: "string", description: "ISO 8601 date or date-time (inclusive)."),
            .init(name: "before", type: "string", description: "ISO 8601 date or date-time (exclusive)."),
        ] + paging,
        responses: [200: "AuditPage"])
    static let listSecrets = Endpoint(
        method: .GET, path: "/api/v1/secrets", operationID: "listSecrets", summary: "Names of stored secrets (never their values)",
        group: "Admin", action: .manageSecrets, responses: [200: "SecretList"])
    static let putSecret = Endpoint(
        method: .PUT, path: "/api/v1/secrets/{name}", operationID: "putSecret",
        summary: "Store a secret of an outside service, encrypted (AES-GCM)", group: "Admin",
        action: .manageSecrets, body: .json(schema: "PutSecret"), responses: [201: "Secret", 200: "Secret"])
    static let deleteSecret = Endpoint(
        method: .DELETE, path: "/api/v1/secrets/{name}", operationID: "deleteSecret", summary: "Delete a stored secret",
        group: "Admin", action: .manageSecrets, responses: [204: nil])

    // MARK: Previews
    static let putPreview = Endpoint(
        method: .PUT, path: "/api/v1/assets/{asset_id}/versions/{number}/preview", operationID: "putPreview",
        summary: "Set a version's preview image (PNG, JPEG, WebP or GIF as the raw body)", group: "Versions",
        action: .writeAsset, body: .media(types: PreviewController.mediaTypes.sorted()), responses: [204: nil])
    static let getPreview = Endpoint(
        method: .GET, path: "/api/v1/assets/{asset_id}/versions/{number}/preview", operationID: "getPreview",
        summary: "A version's preview image: visible to every member, Clients included", group: "Versions",
        action: .readPreview, responses: [200: "Image", 304: nil])

    static let accounts: [Endpoint] = [
        setup, setupPage, submitSetupPage, login, logout, createToken,
        getMe, changePassword, listAPIKeys, createAPIKey, revokeAPIKey,
        createUser, listUsers, getUser, updateUser, disableUser, enableUser, resetPassword, listUserAPIKeys, revokeUserAPIKey,
        listMembers, addMember, removeMember,
        listAudit, listSecrets, putSecret, deleteSecret,
        putPreview, getPreview,
    ]
}
