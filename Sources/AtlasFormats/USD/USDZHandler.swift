import AtlasCore

/// The USDZ handler: reads the package as the zip it is (central directory only), checks the rules of
/// the usdz spec (stored members, 64-byte aligned data, a USD layer first), flags member names that
/// would land outside the package when extracted, and pre-scans the root layer when it is text.
/// References the root layer makes to files inside the package are listed in metadata, not as
/// references, since they need nothing from outside the file.
public struct USDZHandler: FormatHandler {
    public init() {}
    public var format: FileFormat { .usdz }

    /// Members listed in metadata (all are counted and checked).
    static let listedMembers = 1000
    static let layerExtensions: Set<String> = ["usda", "usdc", "usd"]

    public func inspect(_ source: ByteSource, limits: FormatLimits) -> FormatInspection {
        let members: [ZipMember]
        do {
            members = try ZipCentralDirectory.members(of: source, limits: limits)
        } catch ParseFailure.corrupt(let message) {
            return .failed(.error(.usdzCorrupt, "corrupt usdz central directory: \(message)"))
        } catch {
            return .failed(ParseFailure.issue(for: error, truncated: .usdzCorrupt, what: "usdz central directory"))
        }
        var issues: [FormatIssue] = []
        for member in members {
            if FileReference.escapes(member.name) || member.name.isEmpty {
                issues.append(.error(.pathEscapesAsset,
                    "member '\(member.name)' would be written outside the package when extracted; it is not read"))
            }
            if !member.isStored {
                issues.append(.error(.usdzCompressedMember,
                    "member '\(member.name)' is compressed (method \(member.method)); usd-core reads only stored members"))
            } else if let offset = member.dataOffset, offset % 64 != 0 {
                issues.append(.warning(.usdzUnalignedMember, "member '\(member.name)' starts at byte \(offset), not on a 64-byte boundary"))
            }
            if member.dataOffset == nil {
                issues.append(.error(.usdzCorrupt, "member '\(member.name)' has no readable local header"))
            }
        }
        var metadata: [String: JSONValue] = [
            "member_count": .int(members.count),
            "members": .array(members.prefix(Self.listedMembers).map { member in
                .object(["name": .string(member.name), "size": .int(member.uncompressedSize),
                         "stored": .bool(member.isStored), "offset": member.dataOffset.map { .int($0) } ?? .null])
            }),
        ]
        guard let root = members.first else {
            issues.append(.error(.usdzNoRootLayer, "the package has no members"))
            return FormatInspection(metadata: metadata, issues: issues)
        }
        metadata["root_layer"] = .string(root.name)
        let ext = root.name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard Self.layerExtensions.contains(ext), !FileReference.escapes(root.name) else {
            issues.append(.error(.usdzNoRootLayer, "the first member '\(root.name)' is not a USD layer"))
            return FormatInspection(metadata: metadata, issues: issues)
        }
        guard root.isStored, let offset = root.dataOffset else {
            return FormatInspection(metadata: metadata, issues: issues)
        }
        let text: [UInt8]
        do {
            text = try source.read(at: offset, count: min(root.uncompressedSize, limits.maxTextBytes))
        } catch {
            issues.append(.error(.readFailed, "the root layer could not be read: \(error)"))
            return FormatInspection(metadata: metadata, issues: issues)
        }
        if text.starts(with: Array("PXR-USDC".utf8)) {
            metadata["root_layer_format"] = .string(FileFormat.usdc.rawValue)
            issues.append(.warning(.usdCrateNeedsUSDCore,
                "the root layer '\(root.name)' is USD crate (usdc), which needs usd-core to read; its references are not inspected"))
            return FormatInspection(metadata: metadata, issues: issues)
        }
        guard text.starts(with: Array("#usda".utf8)) else {
            issues.append(.error(.usdzNoRootLayer, "the first member '\(root.name)' is neither USD text nor crate"))
            return FormatInspection(metadata: metadata, issues: issues)
        }
        metadata["root_layer_format"] = .string(FileFormat.usda.rawValue)
        let layer = USDAHandler.inspect(text: text, cutAtLimit: root.uncompressedSize > limits.maxTextBytes, limits: limits)
        metadata.merge(layer.metadata) { package, _ in package }
        issues += layer.issues
        let (packaged, external) = Self.split(layer.references, rootLayer: root.name, members: Set(members.map(\.name)))
        metadata["packaged_references"] = .array(packaged)
        return FormatInspection(metadata: metadata, issues: issues, references: external)
    }

    /// The root layer's references split into those the package holds (as metadata) and those it
    /// needs from outside. Paths are anchored at the root layer's folder inside the package.
    static func split(_ references: [FileReference], rootLayer: String,
                      members names: Set<String>) -> (packaged: [JSONValue], external: [FileReference]) {
        let folder = rootLayer.split(separator: "/").dropLast().joined(separator: "/")
        var packaged: [JSONValue] = []
        var external: [FileReference] = []
        for reference in references {
            if !reference.escapes, let member = packagedMember(reference.path, folder: folder, names: names) {
                packaged.append(.object(["path": .string(reference.path), "kind": .string(reference.kind), "member": .string(member)]))
            } else {
                external.append(reference)
            }
        }
        return (packaged, external)
    }

    /// The member `path` names, relative to `folder`; a `<UDIM>` pattern names a member when some tile exists.
    static func packagedMember(_ path: String, folder: String, names: Set<String>) -> String? {
        var parts: [Substring] = folder.isEmpty ? [] : folder.split(separator: "/")
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if names.contains(joined) { return joined }
        guard let udim = joined.range(of: "<UDIM>") else { return nil }
        let prefix = joined[..<udim.lowerBound], suffix = joined[udim.upperBound...]
        return names.sorted().first { name in
            guard name.count == prefix.count + 4 + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
            return name.dropFirst(prefix.count).prefix(4).allSatisfy(\.isNumber)
        }
    }
}
