import AtlasCore
import Foundation
import SQLKit

/// Checks that keep the studio administrable.
enum AccountRules {
    /// Refuses a change that would leave no enabled administrator.
    static func keepAnAdministrator(changing user: User, to updated: User, on sql: any SQLDatabase) async throws {
        let stillAdmin = updated.role == .administrator && !updated.disabled
        guard user.role == .administrator, !user.disabled, !stillAdmin else { return }
        if try await UserRepository.otherActiveAdministrators(than: user.stamp.id, on: sql) == 0 {
            throw AtlasError.conflict("last_administrator", "\(user.username) is the last enabled administrator; make another administrator first.")
        }
    }
}
