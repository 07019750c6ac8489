/// One part of an EXR file (a single-part file has exactly one): its standard attributes decoded,
/// and every attribute, standard or custom, kept in file order.
public struct EXRPart: Sendable, Hashable {
    /// The `name` attribute (required in multi-part files, optional otherwise).
    public var name: String?
    /// The part type, from the `type` attribute or, in a single-part file without one, from the file's flags.
    /// Nil when `type` names a kind this parser does not know; `typeName` then keeps it.
    public var type: EXRPartType?
    public var typeName: String
    public var channels: [EXRChannel]
    public var dataWindow: EXRBox
    public var displayWindow: EXRBox
    public var compression: EXRCompression
    public var lineOrder: EXRLineOrder
    public var pixelAspectRatio: Float
    /// The tile description of a tiled part.
    public var tiles: EXRTileDescription?
    /// The `chunkCount` attribute (multi-part and deep files write it).
    public var declaredChunkCount: Int?
    /// Required attributes that are absent.
    public var missingAttributes: [String]
    public var attributes: [EXRAttribute]

    /// The attribute with this name, if present.
    public func attribute(_ name: String) -> EXRAttribute? {
        attributes.first { $0.name == name }
    }

    /// Whether this part stores deep (variable samples per pixel) data.
    public var isDeep: Bool { type?.isDeep ?? false }

    /// Channel names in display order: R, G, B, A first, then the rest as stored (EXR stores them sorted).
    public var channelNamesInDisplayOrder: [String] {
        let names = channels.map(\.name)
        let leading = ["R", "G", "B", "A"].filter(names.contains)
        return leading + names.filter { !leading.contains($0) }
    }
}
