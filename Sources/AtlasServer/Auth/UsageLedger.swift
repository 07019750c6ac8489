import Foundation
import NIOConcurrencyHelpers

/// When this process last wrote each credential's `last_used_at`. Without it every request
/// with a key would write the same row, and concurrent requests would queue on its row lock.
final class UsageLedger: Sendable {
    private let touched = NIOLockedValueBox<[UUID: Date]>([:])

    /// True, and remembered, when `credential` has not been recorded as used within `resolution` of `now`.
    func shouldRecord(_ credential: Credential, at now: Date, resolution: TimeInterval) -> Bool {
        touched.withLockedValue { touched in
            let last = [touched[credential.id], credential.lastUsedAt].compactMap { $0 }.max()
            guard last.map({ now.timeIntervalSince($0) > resolution }) ?? true else { return false }
            if touched.count > 10_000 { touched.removeAll() }
            touched[credential.id] = now
            return true
        }
    }
}
