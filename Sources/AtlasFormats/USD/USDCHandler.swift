import AtlasCore

/// The USD crate (`.usdc`) handler. Crate is a binary, compressed, versioned format that only usd-core
/// reads reliably, so this handler reads just the bootstrap version and says usd-core is needed.
public struct USDCHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .usdc }

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        var metadata: [String: JSONValue] = [:]
        // The bootstrap: "PXR-USDC", then major, minor and patch version bytes.
        if let header = try? source.read(at: 0, count: 11), header.count == 11 {
            metadata["crate_version"] = .string("\(header[8]).\(header[9]).\(header[10])")
        }
        return FormatInspection(metadata: metadata, issues: [
            .warning(.usdCrateNeedsUSDCore, "a USD crate (usdc) layer needs usd-core to read; its contents and references are not inspected"),
        ])
    }
}
