/// The images Atlas makes to show a version in lists, viewers and review pages.
public enum PreviewKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A small image for lists and grids.
    case thumbnail
    /// A large image for a viewer.
    case proxy
    /// A grid of evenly spaced frames of an image sequence.
    case contactSheet = "contact_sheet"

    /// The longest side, in pixels, the image is made at most (a contact sheet: the whole sheet).
    /// Images smaller than this keep their size: a preview never enlarges.
    public var longestSide: Int {
        switch self {
        case .thumbnail: 512
        case .proxy, .contactSheet: 2048
        }
    }

    /// Every preview is an sRGB JPEG: the one format every browser and DCC panel shows, small
    /// enough for lists. Alpha is dropped (premultiplied colour reads as over black).
    public var mediaType: String { "image/jpeg" }

    /// The file name the image is made under.
    var fileName: String { "\(rawValue).jpg" }
}
