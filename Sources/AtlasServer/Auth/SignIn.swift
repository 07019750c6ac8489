import AtlasCore
import Foundation
import Vapor

/// Checking a username and password, the one way every sign-in (browser, token, password
/// change) goes: throttled per account, one answer for a wrong user and a wrong password.
enum SignIn {
    static func verify(username: String, password: String, on request: Request) async throws -> User {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let services = request.atlas
        let now = services.clock.now()
        let database = request.atlasDatabase
        let failures = try await LoginFailureRepository.recent(name, since: services.throttle.windowStart(at: now), on: database.sql)
        if let wait = services.throttle.retryAfter(failures: failures, now: now) {
            throw AtlasError.tooManyAttempts(retryAfter: wait)
        }
        let found = try await UserRepository.find(username: name, on: database.sql)
        guard try await services.passwords.verify(password, against: found?.passwordHash), let user = found?.user else {
            let windowStart = services.throttle.windowStart(at: now)
            try await database.write { sql in
                try await LoginFailureRepository.prune(before: windowStart, on: sql)
                try await LoginFailureRepository.record(name, at: now, on: sql)
            }
            request.logger.notice("failed sign-in", metadata: ["username": .string(name), "client": .string(request.remoteAddress?.ipAddress ?? "-")])
            throw AtlasError.invalidCredentials
        }
        guard !user.disabled else { throw AtlasError.accountDisabled }
        if !failures.isEmpty {
            try await database.write { sql in try await LoginFailureRepository.clear(name, on: sql) }
        }
        return user
    }
}
