/// What an output node of a tool produces, so Atlas files its results as the right kind of asset.
public enum AIToolOutputType: String, Sendable, Codable, CaseIterable {
    /// One image.
    case image
    /// Several independent images (a batch, a contact sheet's pieces).
    case images
    /// Frames of one image sequence, filed as one sequence asset.
    case sequence
    case video
    case audio
    /// Any other file (a mesh, a model, text).
    case file
}
