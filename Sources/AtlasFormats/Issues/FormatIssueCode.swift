/// A stable, machine-readable name for a validation finding, shown on a version and used by clients.
///
/// A struct rather than an enum, like `AtlasError`'s code: adding a code breaks no client that switches on them.
public struct FormatIssueCode: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    // Any format
    /// The file has no bytes.
    public static let fileEmpty = FormatIssueCode("file_empty")
    /// The content is a different format from the one the extension names.
    public static let formatMismatch = FormatIssueCode("format_mismatch")
    /// The content matches no format Atlas knows.
    public static let formatUnrecognized = FormatIssueCode("format_unrecognized")
    /// A header field holds a value no valid file has (bad enum, negative size, overlong name, …).
    public static let headerCorrupt = FormatIssueCode("header_corrupt")
    /// The declared image is larger than the configured limits allow; nothing of that size is allocated.
    public static let imageTooLarge = FormatIssueCode("image_too_large")
    /// The header declares more of something (attributes, parts, channels, chunks) than the limits allow.
    public static let limitExceeded = FormatIssueCode("limit_exceeded")
    /// The file could not be read from storage.
    public static let readFailed = FormatIssueCode("read_failed")

    // OpenEXR
    /// The file ends inside the header, the offset table or a chunk, or its offset table has unwritten entries.
    public static let exrTruncated = FormatIssueCode("exr_truncated")
    /// The compression id is newer than the decoders Atlas runs (or unknown altogether); the file is not corrupt.
    public static let exrUnsupportedCompression = FormatIssueCode("exr_unsupported_compression")
    /// The file format version or flags are newer than this parser knows.
    public static let exrUnsupportedVersion = FormatIssueCode("exr_unsupported_version")
    /// A required header attribute (channels, dataWindow, …) is missing.
    public static let exrMissingAttribute = FormatIssueCode("exr_missing_attribute")
    /// An offset table entry points into the header or before the pixel data.
    public static let exrOffsetTableCorrupt = FormatIssueCode("exr_offset_table_corrupt")

    // PNG
    /// The file ends before IEND, or a chunk runs past the end of the file.
    public static let pngTruncated = FormatIssueCode("png_truncated")
    /// A chunk's CRC does not match its contents.
    public static let pngCRCMismatch = FormatIssueCode("png_crc_mismatch")
    /// The file has no IDAT chunk.
    public static let pngNoImageData = FormatIssueCode("png_no_image_data")

    // JPEG
    /// The file ends before the EOI marker.
    public static let jpegTruncated = FormatIssueCode("jpeg_truncated")
    /// Bytes follow the EOI marker (decoders ignore them; they may hide a second image or junk).
    public static let jpegTrailingData = FormatIssueCode("jpeg_trailing_data")

    // TIFF
    /// Strip or tile data, or an IFD, lies past the end of the file (OIIO decodes such files as black without error).
    public static let tiffTruncated = FormatIssueCode("tiff_truncated")

    // Radiance HDR
    /// The scanline data ends before the declared number of scanlines.
    public static let hdrTruncated = FormatIssueCode("hdr_truncated")
    /// The header's FORMAT is neither RGBE nor XYZE.
    public static let hdrUnsupportedFormat = FormatIssueCode("hdr_unsupported_format")

    // Image sequences
    /// Frames are missing between the first and the last frame.
    public static let sequenceGap = FormatIssueCode("sequence_gap")
    /// A referenced path is absolute or climbs out of the asset; it is never opened.
    public static let pathEscapesAsset = FormatIssueCode("path_escapes_asset")
    /// A frame's resolution or channels differ from the rest of the sequence.
    public static let sequenceFrameMismatch = FormatIssueCode("sequence_frame_mismatch")
    /// A frame of the sequence is unreadable (empty, truncated or corrupt).
    public static let sequenceBadFrame = FormatIssueCode("sequence_bad_frame")

    // Geometry: OBJ, MTL, glTF
    /// An OBJ statement is malformed (bad numbers, a face index out of range, binary data); the message gives the line.
    public static let objParseError = FormatIssueCode("obj_parse_error")
    /// An MTL statement is malformed (a texture map without a file name, an unknown map option); the message gives the line.
    public static let mtlParseError = FormatIssueCode("mtl_parse_error")
    /// The glTF JSON does not parse, or a required part (asset, an accessor an attribute names) is missing or wrong.
    public static let gltfParseError = FormatIssueCode("gltf_parse_error")
    /// The glTF asset version is not 2.x, the only one Atlas reads.
    public static let gltfUnsupportedVersion = FormatIssueCode("gltf_unsupported_version")
    /// A GLB file ends before its declared length, or a chunk (or the buffer it holds) runs past the end.
    public static let glbTruncated = FormatIssueCode("glb_truncated")

    // USD
    /// USD text (usda) is malformed or ends inside a statement; the message gives the line.
    public static let usdParseError = FormatIssueCode("usd_parse_error")
    /// A USD crate (usdc) layer: Atlas reads no crate natively, usd-core is needed to read it.
    public static let usdCrateNeedsUSDCore = FormatIssueCode("usd_crate_needs_usd_core")
    /// The usdz zip's central directory is missing, cut short or inconsistent.
    public static let usdzCorrupt = FormatIssueCode("usdz_corrupt")
    /// A usdz member is compressed; usd-core reads only stored (uncompressed) members.
    public static let usdzCompressedMember = FormatIssueCode("usdz_compressed_member")
    /// A usdz member's data does not start on a 64-byte boundary, as the usdz spec requires.
    public static let usdzUnalignedMember = FormatIssueCode("usdz_unaligned_member")
    /// The first usdz member is not a USD layer (.usda, .usdc or .usd).
    public static let usdzNoRootLayer = FormatIssueCode("usdz_no_root_layer")
    /// usd-core could not open the layer or compose its stage (the message is usd-core's).
    public static let usdOpenFailed = FormatIssueCode("usd_open_failed")
    /// A layer, reference, payload or asset the stage names is not found (inside the asset) by usd-core.
    public static let usdMissingReference = FormatIssueCode("usd_missing_reference")
    /// usd-core reports a composition error (a layer it cannot load, a cycle, a bad target).
    public static let usdCompositionError = FormatIssueCode("usd_composition_error")
    /// The stage does not author upAxis or metersPerUnit, so readers fall back to Y up and centimetres.
    public static let usdStageMetadataMissing = FormatIssueCode("usd_stage_metadata_missing")
    /// Any other finding of usd-core's validators; the message names the validator.
    public static let usdValidation = FormatIssueCode("usd_validation")

    // FBX
    /// The binary FBX node records end early or point past the end of the file.
    public static let fbxTruncated = FormatIssueCode("fbx_truncated")
    /// The FBX text or binary node structure is malformed (bad record, unbalanced braces); the message says where.
    public static let fbxParseError = FormatIssueCode("fbx_parse_error")

    // MaterialX
    /// The MaterialX XML is malformed (unclosed or mismatched tags, a DOCTYPE) or its root is not `<materialx>`.
    public static let mtlxParseError = FormatIssueCode("mtlx_parse_error")
    /// MaterialX's own validation (after reading and upgrading the document) found a problem.
    public static let mtlxInvalid = FormatIssueCode("mtlx_invalid")

    // External tools (assimp, the usd-core and MaterialX workers)
    /// The tool that reads this format further is not installed; only the native inspection ran.
    public static let toolMissing = FormatIssueCode("tool_missing")
    /// The tool ran past its timeout and was stopped; its findings are missing.
    public static let toolTimedOut = FormatIssueCode("tool_timed_out")
    /// The tool failed or gave output Atlas could not read; its findings are missing.
    public static let toolFailed = FormatIssueCode("tool_failed")
    /// The tool was not run on this file, because it would have opened a file outside the asset.
    public static let toolSkipped = FormatIssueCode("tool_skipped")
    /// assimp could not read the file (Debian's assimp 5.2.5 cannot read binary FBX 7.5, even its own).
    public static let assimpReadFailed = FormatIssueCode("assimp_read_failed")
}
