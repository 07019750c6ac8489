import AtlasCore

/// The TIFF handler: reads IFD0 (size, samples, bits, sample format, compression, photometric, tiling)
/// in either byte order and BigTIFF, counts pages, and checks that every strip or tile lies inside the
/// file, because OIIO decodes a truncated TIFF as black without an error.
public struct TIFFHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .tiff }

    static let compressionNames: [UInt64: String] = [
        1: "none", 2: "ccittrle", 3: "ccittfax3", 4: "ccittfax4", 5: "lzw", 6: "ojpeg", 7: "jpeg",
        8: "deflate", 32773: "packbits", 32946: "deflate", 34925: "lzma", 50000: "zstd", 50001: "webp",
    ]
    static let photometricNames: [UInt64: String] = [
        0: "min_is_white", 1: "min_is_black", 2: "rgb", 3: "palette", 4: "mask", 5: "separated",
        6: "ycbcr", 8: "cielab", 32844: "logl", 32845: "logluv",
    ]

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let reader: TIFFDirectoryReader
        let first: TIFFDirectory
        do {
            reader = try TIFFDirectoryReader(source: source, limits: limits)
            first = try reader.firstDirectory()
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .tiffTruncated, what: "TIFF header"))
        }
        var issues: [FormatIssue] = []
        var directories = [first]
        do {
            directories = try reader.allDirectories()
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .tiffTruncated, what: "TIFF directory chain"))
        }
        guard let width = first.integer(TIFFTag.imageWidth), let height = first.integer(TIFFTag.imageLength),
              width > 0, height > 0 else {
            return .failed(.error(.headerCorrupt, "the first TIFF directory has no image width and length"))
        }
        do {
            try limits.checkImageSize(width: Int(clamping: width), height: Int(clamping: height), what: "the TIFF")
        } catch {
            issues.append(ParseFailure.issue(for: error, truncated: .tiffTruncated, what: "TIFF header"))
        }
        for (index, directory) in directories.enumerated() {
            if let issue = dataExtentIssue(directory, page: index, fileSize: source.size) { issues.append(issue) }
        }

        let samples = Int(first.integer(TIFFTag.samplesPerPixel) ?? 1)
        let bits = first.integers(TIFFTag.bitsPerSample).map(Int.init)
        let sampleFormat = first.integer(TIFFTag.sampleFormat) ?? 1
        let photometric = first.integer(TIFFTag.photometric)
        let compression = first.integer(TIFFTag.compression) ?? 1
        let names = photometric == 5 && samples == 4 ? ["C", "M", "Y", "K"] : ImageSummary.channelNames(count: samples)
        let image = ImageSummary(width: Int(width), height: Int(height), channelNames: names,
                                 bitsPerSample: bits.max() ?? 1, isFloat: sampleFormat == 3)
        var metadata = image.metadata
        metadata["byte_order"] = .string(reader.bigEndian ? "big_endian" : "little_endian")
        metadata["bigtiff"] = .bool(reader.isBigTIFF)
        metadata["pages"] = .int(directories.count)
        metadata["samples_per_pixel"] = .int(samples)
        metadata["bits_per_sample_list"] = .array(bits.map { .int($0) })
        metadata["sample_format"] = .string(sampleFormat == 3 ? "float" : sampleFormat == 2 ? "int" : "uint")
        metadata["compression"] = .string(Self.compressionNames[compression] ?? "unknown")
        metadata["compression_id"] = .int(compression)
        metadata["photometric"] = photometric.map { .string(Self.photometricNames[$0] ?? "unknown(\($0))") } ?? .null
        metadata["planar_configuration"] = .string(first.integer(TIFFTag.planarConfiguration) == 2 ? "separate" : "contiguous")
        metadata["extra_samples"] = .array(first.integers(TIFFTag.extraSamples).map { .int($0) })
        metadata["icc_profile"] = .bool(first.tags.contains(TIFFTag.iccProfile))
        if let tileWidth = first.integer(TIFFTag.tileWidth), let tileHeight = first.integer(TIFFTag.tileLength) {
            metadata["tiles"] = .object(["width": .int(tileWidth), "height": .int(tileHeight)])
        } else {
            metadata["tiles"] = .null
        }
        return FormatInspection(image: image, metadata: metadata, issues: issues)
    }

    /// An issue when a directory's strips or tiles end past the end of the file, or their lists disagree.
    private func dataExtentIssue(_ directory: TIFFDirectory, page: Int, fileSize: Int) -> FormatIssue? {
        let tiled = directory.values[TIFFTag.tileOffsets] != nil
        let offsets = directory.integers(tiled ? TIFFTag.tileOffsets : TIFFTag.stripOffsets)
        let counts = directory.integers(tiled ? TIFFTag.tileByteCounts : TIFFTag.stripByteCounts)
        let what = tiled ? "tile" : "strip"
        guard !offsets.isEmpty else {
            return .error(.headerCorrupt, "page \(page) has no \(what) offsets")
        }
        guard offsets.count == counts.count else {
            return .error(.headerCorrupt, "page \(page) lists \(offsets.count) \(what) offsets but \(counts.count) byte counts")
        }
        var beyond = 0
        for (offset, count) in zip(offsets, counts) {
            let (end, overflow) = offset.addingReportingOverflow(count)
            if overflow || end > UInt64(fileSize) { beyond += 1 }
        }
        guard beyond > 0 else { return nil }
        return .error(.tiffTruncated,
                      "\(beyond) of \(offsets.count) \(what)s on page \(page) end past the end of the file (\(fileSize) bytes)")
    }
}
