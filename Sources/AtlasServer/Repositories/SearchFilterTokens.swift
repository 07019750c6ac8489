import AtlasCore
import Foundation

/// The filterable facts of an asset as search-index tokens, so that a search filters inside
/// the full-text index and ranks only what passes, instead of joining every match first.
///
/// Values are hex-encoded behind a one-letter prefix: both databases' tokenizers keep a run of
/// letters and digits whole, whatever `_`, `-` or spaces the value held. The tokens live in a
/// column of their own, so a user's words never match them.
enum SearchFilterTokens {
    static func type(_ type: AssetType) -> String { "t" + hex(type.rawValue) }
    static func status(_ status: VersionStatus) -> String { "s" + hex(status.rawValue) }
    static func format(_ format: String) -> String { "f" + hex(format) }
    static func project(_ id: UUID) -> String { "p" + id.uuidString.lowercased().replacingOccurrences(of: "-", with: "") }
    static func tag(_ tag: String) -> String { "g" + hex(tag) }
    static func deleted(_ deleted: Bool) -> String { deleted ? "x1" : "x0" }

    /// Every token of an asset, space-separated.
    static func document(for asset: Asset) -> String {
        var tokens = [type(asset.type), status(asset.status), project(asset.projectID), deleted(asset.deletedAt != nil)]
        if let format = asset.format { tokens.append(self.format(format)) }
        tokens += asset.tags.map(tag)
        return tokens.joined(separator: " ")
    }

    /// What a query requires: every group must match, any token of a group will do. Whether the
    /// asset is deleted is not among them (see `SearchIndex.matches`): live assets are nearly
    /// all of them, and reading that token's whole list costs more than excluding the deleted few.
    static func required(by query: AssetQuery) -> [[String]] {
        var groups: [[String]] = query.deleted ? [[deleted(true)]] : []
        if !query.types.isEmpty { groups.append(query.types.map(type)) }
        if !query.statuses.isEmpty { groups.append(query.statuses.map(status)) }
        if !query.formats.isEmpty { groups.append(query.formats.map(format)) }
        if !query.projectIDs.isEmpty { groups.append(query.projectIDs.map(project)) }
        groups += query.tags.map { [tag($0)] }
        return groups
    }

    private static func hex(_ text: String) -> String {
        text.utf8.map { String(format: "%02x", $0) }.joined()
    }
}
