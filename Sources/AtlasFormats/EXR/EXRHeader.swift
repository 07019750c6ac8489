/// The parsed header of an OpenEXR file: version, flags and every part.
public struct EXRHeader: Sendable, Hashable {
    /// The file format version (2 for every OpenEXR release so far).
    public var version: Int
    /// The flag bits of the version field (tiled 0x200, long names 0x400, non-image 0x800, multipart 0x1000).
    public var flags: UInt32
    public var parts: [EXRPart]
    /// Bytes taken by the magic number, version field and all part headers; the offset tables start here.
    public var headerByteCount: Int

    public static let tiledFlag: UInt32 = 0x200
    public static let longNamesFlag: UInt32 = 0x400
    public static let nonImageFlag: UInt32 = 0x800
    public static let multipartFlag: UInt32 = 0x1000

    public var isSinglePartTiled: Bool { flags & Self.tiledFlag != 0 }
    public var hasLongNames: Bool { flags & Self.longNamesFlag != 0 }
    public var hasNonImageParts: Bool { flags & Self.nonImageFlag != 0 }
    public var isMultipart: Bool { flags & Self.multipartFlag != 0 }
}
