import Foundation

/// Which projects a listing may cover, given what was asked for and what the caller may see.
public enum ProjectScope {
    /// The projects to list: those requested (all when none were named) that the caller may see.
    /// `visible` nil means the caller sees every project. nil result: nothing can match.
    public static func restrict(_ requested: [UUID], to visible: [UUID]?) -> [UUID]? {
        guard let visible else { return requested }
        let allowed = requested.isEmpty ? visible : requested.filter(visible.contains)
        return allowed.isEmpty ? nil : allowed
    }
}
