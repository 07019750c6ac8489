import AtlasCore
import Foundation

extension JobRun {
    /// The version a job about one version names in its payload (`version_id`), read through the
    /// job's database context. The version is nil when it no longer exists: the job has nothing to do.
    func version(context: any JobContext) async throws -> (version: AssetVersion?, context: any DatabaseJobContext) {
        guard case .object(let payload) = self.payload, case .string(let text)? = payload["version_id"],
              let versionID = UUID(uuidString: text) else { throw PermanentJobFailure("payload has no version_id") }
        guard let context = context as? any DatabaseJobContext else { throw PermanentJobFailure("needs a database context") }
        return (try await VersionRows.fetch(id: versionID, on: context.database.sql), context)
    }
}
