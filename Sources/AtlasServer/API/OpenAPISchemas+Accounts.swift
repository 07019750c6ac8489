import AtlasCore

/// Schemas of accounts, sign-in, membership, the audit log, secrets and the setup form.
extension OpenAPISchemas {
    static let roles = enumeration(Role.allCases.map(\.rawValue))
    static let password: JSONValue = ["type": "string", "minLength": .number(Double(PasswordPolicy.minimumLength))]
    static let nullableDateTime: JSONValue = ["type": ["string", "null"], "format": "date-time"]

    static let accounts: [String: JSONValue] = [
        "User": object([
            "id": uuid, "username": string, "display_name": string, "role": roles, "disabled": ["type": "boolean"],
            "created_at": dateTime, "updated_at": dateTime, "created_by": nullableString, "updated_by": nullableString, "etag": string,
        ], required: ["id", "username", "display_name", "role", "disabled", "etag"]),
        "UserPage": page(of: "User"),
        "CreateUser": object(["username": string, "password": password, "role": roles, "display_name": string],
                             required: ["username", "password", "role"]),
        "UpdateUser": object(["role": roles, "display_name": string]),
        "SetPassword": object(["password": password], required: ["password"]),
        "ChangePassword": object(["current_password": string, "new_password": password], required: ["current_password", "new_password"]),
        "Setup": object(["token": string, "username": string, "password": password, "display_name": string],
                        required: ["token", "username", "password"]),
        "SetupForm": object(["token": string, "username": string, "password": string, "display_name": string]),
        "LoginForm": object(["username": string, "password": string, "next": string], required: ["username", "password"]),
        "Login": object(["username": string, "password": string], required: ["username", "password"]),
        "Session": object(["user": ref("User"), "csrf_token": string, "expires_at": dateTime], required: ["user", "csrf_token", "expires_at"]),
        "TokenRequest": object(["username": string, "password": string, "expires_in": ["type": "integer", "minimum": 60]],
                               required: ["username", "password"]),
        "Token": object(["token": string, "token_type": string, "expires_at": dateTime, "user": ref("User")],
                        required: ["token", "token_type", "expires_at", "user"]),
        "CreateAPIKey": object(["name": string, "expires_at": dateTime], required: ["name"]),
        "APIKey": object([
            "id": uuid, "name": string, "prefix": string, "created_at": dateTime, "expires_at": nullableDateTime,
            "last_used_at": nullableDateTime, "key": ["type": "string", "description": "The secret: only in the answer that creates the key."],
        ], required: ["id", "name", "prefix", "created_at"]),
        "APIKeyList": object(["items": ["type": "array", "items": ref("APIKey")], "next_cursor": nullableString], required: ["items"]),
        "Member": object([
            "user_id": uuid, "username": string, "display_name": string, "role": roles, "added_at": dateTime, "added_by": nullableString,
        ], required: ["user_id", "username", "role", "added_at"]),
        "MemberList": object(["items": ["type": "array", "items": ref("Member")], "next_cursor": nullableString], required: ["items"]),
        "AddMember": object(["user_id": uuid, "username": string]),
        "AuditEntry": object([
            "id": uuid, "at": dateTime, "action": string, "object_kind": nullableString, "object_id": nullableString,
            "actor": object(["user_id": nullableString, "name": string, "api_key_id": nullableString], required: ["name"]),
            "summary": ["type": "object"], "client_address": nullableString, "request_id": nullableString,
        ], required: ["id", "at", "actor", "action", "summary"]),
        "AuditPage": page(of: "AuditEntry"),
        "Secret": object(["name": string, "updated_at": dateTime, "updated_by": nullableString], required: ["name", "updated_at"]),
        "SecretList": object(["items": ["type": "array", "items": ref("Secret")], "next_cursor": nullableString], required: ["items"]),
        "PutSecret": object(["value": string], required: ["value"]),
        "Image": ["type": "string", "format": "binary"],
        "HTML": ["type": "string"],
    ]

    /// How callers sign in: a bearer token or API key, an API key header, or a browser session.
    static let securitySchemes: JSONValue = [
        "bearer": ["type": "http", "scheme": "bearer", "description": "A token from /api/v1/auth/token, or a personal API key."],
        "apiKey": ["type": "apiKey", "in": "header", "name": "X-API-Key"],
        "session": ["type": "apiKey", "in": "cookie", "name": .string(SessionCookie.session),
                    "description": "Browser session; state-changing requests also send X-CSRF-Token."],
    ]
}
