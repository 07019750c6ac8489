/// The kinds of value a tool input takes, as named in manifests (`"type": "int"`).
public enum AIToolInputType: String, Sendable, Codable, CaseIterable {
    /// An asset version (its id), uploaded to the ComfyUI server and named in the bound field.
    case image
    case string
    /// A whole number, with optional `min`, `max` and `step`.
    case int
    /// A number, with optional `min`, `max` and `step`.
    case float
    case bool
    /// One of the manifest's `options`.
    case `enum`
    /// A whole number that Atlas picks at random, and records, when the caller gives none.
    case seed
}
