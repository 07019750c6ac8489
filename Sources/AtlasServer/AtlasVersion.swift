/// This build's version, shown by `atlas --version` and in the OpenAPI document.
public enum AtlasVersion {
    public static let current = "0.1.0"
}
