/// What kind of thing an asset is. Decides how it is previewed, validated and searched.
public enum AssetType: String, Sendable, Codable, CaseIterable {
    case geometry
    case material
    case texture
    case plate
    case sequence
    case lightRig = "light_rig"
    case camera
    case animation
    case workflow
    case document
    case other
}
