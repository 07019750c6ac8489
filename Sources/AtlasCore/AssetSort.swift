/// How an asset listing is ordered. A leading `-` means descending.
public enum AssetSort: String, Sendable, CaseIterable {
    case createdAt = "created_at"
    case createdAtDescending = "-created_at"
    case updatedAt = "updated_at"
    case updatedAtDescending = "-updated_at"
    case name = "name"
    case nameDescending = "-name"
    /// Best full-text match first; only with `q`.
    case relevance = "relevance"

    public var isDescending: Bool { rawValue.hasPrefix("-") }
}
