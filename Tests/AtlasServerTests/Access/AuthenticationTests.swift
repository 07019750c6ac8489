import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Signing in: passwords, sessions with CSRF, bearer tokens, API keys, throttling")
struct AuthenticationTests {
    private func login(_ t: AtlasTestApp, _ username: String, _ password: String = TestAccount.password,
                       headers: HTTPHeaders = [:]) async throws -> TestResponse {
        try await t.anonymousClient.send(.POST, "/api/v1/auth/login", json: ["username": .string(username), "password": .string(password)],
                                         headers: headers)
    }

    @Test("A wrong username and a wrong password get the same answer", arguments: TestDatabase.available)
    func sameAnswerForWrongUserAndPassword(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let unknown = try await login(t, "nobody")
            let wrong = try await login(t, "admin", "not the password at all")
            #expect(unknown.status == .unauthorized && wrong.status == .unauthorized)
            #expect(unknown.problemCode == "invalid_credentials")
            #expect(unknown.json["detail"] == wrong.json["detail"] && unknown.problemCode == wrong.problemCode)
        }
    }

    @Test("After 10 failed sign-ins within 15 minutes, even the right password gets 429 with Retry-After; other accounts are not affected",
          arguments: TestDatabase.available)
    func throttling(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            _ = try await t.makeAccount("lena", role: .artist)
            for _ in 0..<10 {
                #expect(try await login(t, "lena", "wrong wrong wrong").status == .unauthorized)
            }
            let throttled = try await login(t, "lena")
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.problemCode == "too_many_attempts")
            let retryAfter = Int(throttled.headers.first(name: .retryAfter) ?? "") ?? 0
            #expect((1...900).contains(retryAfter), "Retry-After: \(retryAfter)")
            let token = try await t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                         json: ["username": "lena", "password": .string(TestAccount.password)])
            #expect(token.status == .tooManyRequests, "the token route shares the throttle")
            #expect(try await login(t, "admin").status == .ok)
        }
    }

    @Test("A password shorter than 12 characters is refused with a clear message", arguments: TestDatabase.available)
    func shortPassword(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let response = try await t.client.send(.POST, "/api/v1/users",
                                                   json: ["username": "kim", "password": "elevenchars", "role": "artist"])
            #expect(response.status == .badRequest)
            #expect(response.problemCode == "validation_failed")
            let error = response.json["errors"]?[0]
            #expect(error?["field"]?.string == "password")
            #expect(error?["message"]?.string?.contains("12") == true)
        }
    }

    @Test("A browser session is an HttpOnly SameSite=Lax cookie; state changes need its CSRF token; logout revokes it",
          arguments: TestDatabase.available)
    func sessionAndCSRF(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let signedIn = try await login(t, "admin")
            #expect(signedIn.status == .ok)
            let cookies = signedIn.headers[.setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("atlas_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && !session.contains("Secure"))
            let csrf = try #require(signedIn.json["csrf_token"]?.string)
            let secret = String(session.dropFirst("atlas_session=".count).prefix { $0 != ";" })
            let browser = TestClient(app: t.app, defaultHeaders: ["Cookie": "atlas_session=\(secret)"])

            #expect(try await browser.get("/api/v1/me").json["username"]?.string == "admin")
            let noToken = try await browser.send(.POST, "/api/v1/projects", json: ["name": "No CSRF"])
            #expect(noToken.status == .forbidden && noToken.problemCode == "csrf_token_invalid")
            let wrongToken = try await browser.send(.POST, "/api/v1/projects", json: ["name": "Wrong CSRF"], headers: ["X-CSRF-Token": "nope"])
            #expect(wrongToken.status == .forbidden)
            let made = try await browser.send(.POST, "/api/v1/projects", json: ["name": "With CSRF"], headers: ["X-CSRF-Token": csrf])
            #expect(made.status == .created)

            #expect(try await browser.send(.POST, "/api/v1/auth/logout", headers: ["X-CSRF-Token": csrf]).status == .noContent)
            #expect(try await browser.get("/api/v1/me").status == .unauthorized)

            let behindTLS = try await login(t, "admin", headers: ["X-Forwarded-Proto": "https"])
            #expect(behindTLS.headers[.setCookie].first { $0.hasPrefix("atlas_session=") }?.contains("Secure") == true)
        }
    }

    @Test("A bearer token works until it is revoked by logout; a bad one is 401 invalid_token with WWW-Authenticate",
          arguments: TestDatabase.available)
    func bearerTokenLifecycle(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let issued = try await t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                          json: ["username": "admin", "password": .string(TestAccount.password), "expires_in": 3600])
            #expect(issued.status == .created && issued.json["token_type"]?.string == "Bearer")
            let token = try #require(issued.json["token"]?.string)
            let client = TestClient.bearer(token, app: t.app)
            #expect(try await client.get("/api/v1/me").status == .ok)
            #expect(try await client.send(.POST, "/api/v1/auth/logout").status == .noContent)
            let revoked = try await client.get("/api/v1/me")
            #expect(revoked.status == .unauthorized && revoked.problemCode == "invalid_token")
            #expect(revoked.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)

            let anonymous = try await t.anonymousClient.get("/api/v1/assets")
            #expect(anonymous.status == .unauthorized && anonymous.problemCode == "authentication_required")
            let tooLong = try await t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                           json: ["username": "admin", "password": .string(TestAccount.password), "expires_in": 99_999_999])
            #expect(tooLong.status == .badRequest)
        }
    }

    @Test("An API key is shown once, listed without its secret, works by Bearer or X-API-Key, and stops when revoked or expired",
          arguments: TestDatabase.available)
    func apiKeyLifecycle(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let artist = try await t.makeAccount("mia", role: .artist)
            let created = try await artist.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "nuke panel"])
            #expect(created.status == .created)
            let key = try #require(created.json["key"]?.string)
            #expect(key.hasPrefix("atlas_k_"))
            let listed = try await artist.client.get("/api/v1/me/api-keys")
            let entry = try #require(listed.json["items"]?.array.first { $0["name"]?.string == "nuke panel" })
            #expect(entry["key"] == nil && key.hasPrefix(entry["prefix"]?.string ?? "-"))
            #expect(!listed.text.contains(key))

            #expect(try await TestClient(app: t.app, defaultHeaders: ["X-API-Key": key]).get("/api/v1/me").status == .ok)
            let keyID = try #require(created.json["id"]?.string)
            #expect(try await t.client.send(.DELETE, "/api/v1/me/api-keys/\(keyID)").status == .notFound, "another account's key")
            #expect(try await artist.client.send(.DELETE, "/api/v1/me/api-keys/\(keyID)").status == .noContent)
            #expect(try await TestClient.bearer(key, app: t.app).get("/api/v1/me").status == .unauthorized)

            let past = try await artist.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "old", "expires_at": "2020-01-01T00:00:00Z"])
            #expect(past.status == .badRequest)
            let expiry = Date().addingTimeInterval(4)
            let shortLived = try await artist.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "brief", "expires_at": .string(ISO8601.format(expiry))])
            let brief = TestClient.bearer(try #require(shortLived.json["key"]?.string), app: t.app)
            #expect(try await brief.get("/api/v1/me").status == .ok)
            // Sleeps until just past the expiry, however long the requests above took on a busy machine.
            try await Task.sleep(for: .seconds(max(0, expiry.timeIntervalSinceNow) + 0.5))
            #expect(try await brief.get("/api/v1/me").status == .unauthorized)
        }
    }

    @Test("An administrator lists an account's API keys without their secrets and revokes one; the account and its other keys keep working",
          arguments: TestDatabase.available)
    func administratorRevokesAKey(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let artist = try await t.makeAccount("leo", role: .artist)
            let leaked = try await artist.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "leaked farm script"])
            let kept = try await artist.client.send(.POST, "/api/v1/me/api-keys", json: ["name": "nuke panel"])
            let leakedKey = try #require(leaked.json["key"]?.string), keptKey = try #require(kept.json["key"]?.string)

            let listed = try await t.client.get("/api/v1/users/\(artist.id)/api-keys")
            let names = Set(listed.json["items"]?.array.compactMap { $0["name"]?.string } ?? [])
            #expect(names.isSuperset(of: ["leaked farm script", "nuke panel"]), "\(listed.text)")
            #expect(!listed.text.contains(leakedKey) && !listed.text.contains(keptKey), "never the secrets")
            let other = try await t.makeAccount("ada", role: .producer)
            #expect(try await other.client.get("/api/v1/users/\(artist.id)/api-keys").status == .forbidden)

            let leakedID = try #require(leaked.json["id"]?.string)
            let elsewhere = try await t.client.send(.DELETE, "/api/v1/users/\(other.id)/api-keys/\(leakedID)")
            #expect(elsewhere.status == .notFound && elsewhere.problemCode == "api_key_not_found", "a key is revoked through its own account")
            #expect(try await t.client.send(.DELETE, "/api/v1/users/\(artist.id)/api-keys/\(leakedID)").status == .noContent)
            #expect(try await TestClient.bearer(leakedKey, app: t.app).get("/api/v1/me").status == .unauthorized)
            #expect(try await TestClient.bearer(keptKey, app: t.app).get("/api/v1/me").status == .ok)
            #expect(try await artist.client.get("/api/v1/me").status == .ok)
            let audit = try await t.client.get("/api/v1/audit?object_id=\(leakedID)").json["items"]?.array ?? []
            #expect(audit.first?["actor"]?["name"]?.string == "admin", "\(audit)")
        }
    }

    @Test("Disabling an account stops its keys, tokens and sessions at once; enabling restores them", arguments: TestDatabase.available)
    func disabledAccount(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let artist = try await t.makeAccount("otto", role: .artist)
            let token = try await t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                         json: ["username": "otto", "password": .string(TestAccount.password)])
            let tokenClient = TestClient.bearer(try #require(token.json["token"]?.string), app: t.app)
            #expect(try await t.client.send(.POST, "/api/v1/users/\(artist.id)/disable").json["disabled"]?.bool == true)
            #expect(try await artist.client.get("/api/v1/me").status == .unauthorized)
            #expect(try await tokenClient.get("/api/v1/me").status == .unauthorized)
            let refused = try await login(t, "otto")
            #expect(refused.status == .forbidden && refused.problemCode == "account_disabled")
            _ = try await t.client.send(.POST, "/api/v1/users/\(artist.id)/enable")
            #expect(try await artist.client.get("/api/v1/me").status == .ok)
        }
    }

    @Test("The last enabled administrator cannot be disabled or demoted", arguments: TestDatabase.available)
    func lastAdministrator(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let disable = try await t.client.send(.POST, "/api/v1/users/\(t.adminID)/disable")
            #expect(disable.status == .conflict && disable.problemCode == "last_administrator")
            let demote = try await t.client.send(.PATCH, "/api/v1/users/\(t.adminID)", json: ["role": "artist"], headers: ["If-Match": "\"r1\""])
            #expect(demote.status == .conflict)
            _ = try await t.makeAccount("second", role: .administrator)
            #expect(try await t.client.send(.PATCH, "/api/v1/users/\(t.adminID)", json: ["role": "producer"], headers: ["If-Match": "\"r1\""]).status == .ok)
        }
    }

    @Test("Changing one's password needs the current one and signs out other tokens; an administrator's reset signs out all of them",
          arguments: TestDatabase.available)
    func passwordChanges(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let artist = try await t.makeAccount("ada", role: .artist)
            func token() async throws -> TestClient {
                let issued = try await t.anonymousClient.send(.POST, "/api/v1/auth/token",
                                                              json: ["username": "ada", "password": .string(TestAccount.password)])
                return TestClient.bearer(try #require(issued.json["token"]?.string), app: t.app)
            }
            let other = try await token()
            let wrong = try await artist.client.send(.POST, "/api/v1/me/password",
                                                     json: ["current_password": "not it at all", "new_password": "a new long password"])
            #expect(wrong.status == .badRequest && wrong.json["errors"]?[0]?["field"]?.string == "current_password")
            let changed = try await artist.client.send(.POST, "/api/v1/me/password",
                                                       json: ["current_password": .string(TestAccount.password), "new_password": "a new long password"])
            #expect(changed.status == .noContent)
            #expect(try await other.get("/api/v1/me").status == .unauthorized)
            #expect(try await artist.client.get("/api/v1/me").status == .ok, "API keys stay")
            #expect(try await login(t, "ada", "a new long password").status == .ok)

            let reset = try await t.client.send(.POST, "/api/v1/users/\(artist.id)/password", json: ["password": .string(TestAccount.password)])
            #expect(reset.status == .noContent)
            #expect(try await login(t, "ada").status == .ok)
        }
    }

    @Test("Every response carries the security headers: CSP without inline script, frame-ancestors 'none', nosniff, Referrer-Policy")
    func securityHeaders() async throws {
        try await withAtlasApp(.sqlite) { t in
            for path in ["/healthz", "/api/v1/assets", "/no/such/route", "/setup", "/api/v1/openapi.json"] {
                for client in [t.client, t.anonymousClient] {
                    let response = try await client.get(path)
                    let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
                    #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
                            "\(path): \(csp)")
                    #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
                    #expect(response.headers.first(name: "Referrer-Policy") != nil, "\(path)")
                }
            }
        }
    }
}
