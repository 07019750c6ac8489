/// The OpenEXR handler: parses every part's header natively, validates it against the limits,
/// and checks the offset tables and last chunk against the file's size.
public struct EXRHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .openEXR }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let header: EXRHeader
        do {
            header = try EXRHeaderParser.parse(source, limits: limits)
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .exrTruncated,
                                              unsupported: .exrUnsupportedVersion, what: "OpenEXR header"))
        }
        var issues: [FormatIssue] = []
        var chunkCounts: [Int] = []
        var layoutKnown = true
        for (index, part) in header.parts.enumerated() {
            let partIssues = Self.issues(of: part, index: index, limits: limits)
            issues += partIssues
            if partIssues.contains(where: { $0.severity == .error && $0.code != .exrUnsupportedCompression }) {
                layoutKnown = false
                continue
            }
            do {
                let derived = try EXRChunkLayout.chunkCount(of: part, maxChunks: limits.maxChunks)
                if let derived, let declared = part.declaredChunkCount, derived != declared {
                    issues.append(.error(.headerCorrupt,
                        "\(Self.label(part, index)) declares \(declared) chunks but its size and tiling make \(derived)"))
                    layoutKnown = false
                } else if let count = part.declaredChunkCount ?? derived {
                    chunkCounts.append(count)
                } else {
                    layoutKnown = false
                }
            } catch {
                issues.append(ParseFailure.issue(for: error, truncated: .exrTruncated, what: "OpenEXR header"))
                layoutKnown = false
            }
        }
        if layoutKnown {
            do {
                issues += try EXRIntegrityCheck.issues(source: source, header: header, chunkCounts: chunkCounts, limits: limits)
            } catch {
                issues.append(ParseFailure.issue(for: error, truncated: .exrTruncated, what: "offset table"))
            }
        }
        return FormatInspection(image: header.imageSummary, metadata: header.metadata, issues: issues)
    }

    static func label(_ part: EXRPart, _ index: Int) -> String {
        part.name.map { "part \(index) ('\($0)')" } ?? "part \(index)"
    }

    /// Issues visible in one part's header alone.
    static func issues(of part: EXRPart, index: Int, limits: FormatLimits) -> [FormatIssue] {
        let label = label(part, index)
        var issues: [FormatIssue] = []
        if !part.missingAttributes.isEmpty {
            issues.append(.error(.exrMissingAttribute,
                "\(label) lacks the required attribute\(part.missingAttributes.count == 1 ? "" : "s") "
                    + part.missingAttributes.joined(separator: ", ")))
        }
        if part.type == nil {
            issues.append(.error(.headerCorrupt, "\(label) has the unknown type '\(part.typeName)'"))
        }
        if part.missingAttributes.contains("dataWindow") == false, part.dataWindow.isEmpty {
            let box = part.dataWindow
            issues.append(.error(.headerCorrupt,
                "\(label) has an empty data window (\(box.xMin), \(box.yMin)) – (\(box.xMax), \(box.yMax))"))
        } else if !part.dataWindow.isEmpty {
            do {
                try limits.checkImageSize(width: part.dataWindow.width, height: part.dataWindow.height, what: label)
            } catch {
                issues.append(ParseFailure.issue(for: error, truncated: .exrTruncated, what: "OpenEXR header"))
            }
        }
        if part.missingAttributes.contains("displayWindow") == false, part.displayWindow.isEmpty {
            issues.append(.error(.headerCorrupt, "\(label) has an empty display window"))
        }
        if part.compression.name == nil {
            issues.append(.error(.exrUnsupportedCompression,
                "\(label) uses compression id \(part.compression.rawValue), which no OpenEXR release known to Atlas defines; "
                    + "the file may come from a newer OpenEXR"))
        } else if !part.compression.isWidelySupported {
            issues.append(.warning(.exrUnsupportedCompression,
                "\(label) uses \(part.compression) compression, newer than the OpenEXR 3.1 tools Atlas decodes with; "
                    + "the header is fine but previews may fail"))
        }
        if part.isDeep, part.compression.rawValue > 2, part.compression.name != nil {
            issues.append(.error(.headerCorrupt, "deep \(label) uses \(part.compression) compression; deep data allows none, rle or zips"))
        }
        if let tiles = part.tiles, tiles.width * tiles.height > limits.maxPixels {
            issues.append(.error(.imageTooLarge, "\(label) declares \(tiles.width) × \(tiles.height) tiles"))
        }
        if !(part.pixelAspectRatio.isFinite && part.pixelAspectRatio > 0) {
            issues.append(.warning(.headerCorrupt, "\(label) has pixel aspect ratio \(part.pixelAspectRatio)"))
        }
        return issues
    }
}
