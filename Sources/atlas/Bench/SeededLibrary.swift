/// What seeding made, for the benchmarks that read it back.
struct SeededLibrary: Sendable {
    /// Assets created.
    var assets: Int
    /// The project the list benchmark walks, and how many assets it holds.
    var listedProjectID: String
    var listedProjectAssets: Int
    /// An asset for the single-asset `GET`.
    var sampleAssetID: String
}
