import Foundation

/// The entry point for one file: detects the format from the bytes, checks it against the file name's
/// extension, and runs the format's handler. Never throws and never crashes on bad input: everything
/// wrong with a file becomes a `FormatIssue` in the report.
public struct FormatInspector: Sendable {
    public var limits: FormatLimits
    public var handlers: [FileFormat: any FormatHandler]

    public init(limits: FormatLimits = .standard) {
        self.limits = limits
        let all: [any FormatHandler] = [EXRHandler(), PNGHandler(), JPEGHandler(), TIFFHandler(), RadianceHDRHandler(),
                                        OBJHandler(), MTLHandler(), GLTFHandler(format: .gltf), GLTFHandler(format: .glb),
                                        USDAHandler(), USDCHandler(), USDZHandler(), FBXBinaryHandler(), FBXASCIIHandler(),
                                        MaterialXHandler()]
        handlers = Dictionary(uniqueKeysWithValues: all.map { ($0.format, $0) })
    }

    /// Inspects a file on disk.
    public func inspect(fileAt url: URL) -> FormatReport {
        do {
            return inspect(try FileByteSource(url: url), fileName: url.lastPathComponent)
        } catch {
            return FormatReport(fileName: url.lastPathComponent, fileSize: 0, format: nil,
                                issues: [.error(.readFailed, "the file could not be opened: \(error.localizedDescription)")])
        }
    }

    /// Inspects bytes in memory; `fileName` is used only for the extension check.
    public func inspect(_ bytes: [UInt8], fileName: String) -> FormatReport {
        inspect(DataByteSource(bytes), fileName: fileName)
    }

    public func inspect(_ source: ByteSource, fileName: String) -> FormatReport {
        var report = FormatReport(fileName: fileName, fileSize: source.size, format: nil)
        guard source.size > 0 else {
            report.issues.append(.error(.fileEmpty, "the file is empty (0 bytes)"))
            return report
        }
        let prefix: [UInt8]
        do {
            prefix = try source.read(at: 0, count: FormatSniffer.prefixLength)
        } catch {
            report.issues.append(.error(.readFailed, "the file could not be read: \(error)"))
            return report
        }
        let format = FormatSniffer.detect(prefix)
        report.format = format
        let ext = FileExtension.of(fileName)
        let expected = ext.flatMap(FileExtension.expectedFormats(for:))
        switch (format, expected) {
        case (nil, let expected?):
            let names = expected.map(\.displayName).sorted().joined(separator: " or ")
            report.issues.append(.error(.formatUnrecognized, "named .\(ext ?? "") but the content is not \(names)"))
            return report
        case (nil, nil):
            report.issues.append(.error(.formatUnrecognized, "the content matches no format Atlas knows"))
            return report
        case (let format?, let expected?) where !expected.contains(format):
            report.issues.append(.warning(.formatMismatch,
                "named .\(ext ?? "") but the content is \(format.displayName); Atlas treats it as \(format.displayName)"))
        default:
            break
        }
        guard let format, let handler = handlers[format] else { return report }
        let inspection = handler.inspect(source, limits: limits)
        report.image = inspection.image
        report.metadata = inspection.metadata
        report.issues += inspection.issues + inspection.references.compactMap(\.escapeIssue)
        report.references = inspection.references
        if let rig = HDRILightRig.detect(format: format, image: inspection.image, metadata: inspection.metadata) {
            report.metadata["light_rig"] = rig
        }
        return report
    }
}
