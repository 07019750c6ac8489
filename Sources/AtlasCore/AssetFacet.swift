/// A dimension that search can count its matches by.
public enum AssetFacet: String, Sendable, CaseIterable, Codable {
    case type, format, tag, status, project
}
