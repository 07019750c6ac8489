import AtlasCore

/// The USD text (`.usda`) handler: a bounded pre-scan of the layer (see `USDTextParser`) for its stage
/// metadata, prim types, lights, composition arcs, variant sets and every asset path it names.
/// Nothing is composed: counts and references are those authored in this one layer.
public struct USDAHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .usda }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let bytes: [UInt8]
        do {
            bytes = try source.read(at: 0, count: min(source.size, limits.maxTextBytes))
        } catch {
            return .failed(.error(.readFailed, "the file could not be read: \(error)"))
        }
        return Self.inspect(text: bytes, cutAtLimit: source.size > limits.maxTextBytes, limits: limits)
    }

    /// Parses usda text already in memory (a file, or a usdz member); `cutAtLimit` says the text is only
    /// the first `maxTextBytes` of a larger layer, so running out of text is the limit, not a fault.
    static func inspect(text bytes: [UInt8], cutAtLimit: Bool, limits: FormatLimits) -> FormatInspection {
        var parser = USDTextParser(bytes, maxTokens: limits.maxTextTokens, maxDepth: limits.maxNestingDepth)
        var issues: [FormatIssue] = []
        if cutAtLimit {
            issues.append(.warning(.limitExceeded,
                "the layer is larger than \(limits.maxTextBytes) bytes; only that much was read, so counts and references may be incomplete"))
        }
        do {
            try parser.parse()
        } catch let error as USDTextParseError {
            switch error {
            case .endOfText where cutAtLimit:
                break  // Already reported as the size limit.
            case .endOfText:
                issues.append(.error(.usdParseError, "the layer is cut short: \(error.message)"))
            case .syntax:
                issues.append(.error(.usdParseError, error.message))
            case .limit:
                issues.append(.error(.limitExceeded, error.message))
            }
        } catch {
            issues.append(.error(.usdParseError, "\(error)"))
        }
        let summary = parser.summary
        return FormatInspection(metadata: summary.metadata, issues: issues, references: summary.references)
    }
}
