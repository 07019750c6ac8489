/// The TIFF tag numbers Atlas reads (TIFF 6.0 and the EXIF extension).
enum TIFFTag {
    static let imageWidth: UInt16 = 256
    static let imageLength: UInt16 = 257
    static let bitsPerSample: UInt16 = 258
    static let compression: UInt16 = 259
    static let photometric: UInt16 = 262
    static let stripOffsets: UInt16 = 273
    static let orientation: UInt16 = 274
    static let samplesPerPixel: UInt16 = 277
    static let rowsPerStrip: UInt16 = 278
    static let stripByteCounts: UInt16 = 279
    static let planarConfiguration: UInt16 = 284
    static let tileWidth: UInt16 = 322
    static let tileLength: UInt16 = 323
    static let tileOffsets: UInt16 = 324
    static let tileByteCounts: UInt16 = 325
    static let extraSamples: UInt16 = 338
    static let sampleFormat: UInt16 = 339
    static let iccProfile: UInt16 = 34675

    /// Tags whose values are read in full; every other tag only has its type and count recorded.
    static let read: Set<UInt16> = [
        imageWidth, imageLength, bitsPerSample, compression, photometric, stripOffsets, orientation,
        samplesPerPixel, rowsPerStrip, stripByteCounts, planarConfiguration, tileWidth, tileLength,
        tileOffsets, tileByteCounts, extraSamples, sampleFormat,
    ]
}
