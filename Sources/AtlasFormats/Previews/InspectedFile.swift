import Foundation

/// A file a preview or an export is made from: its name in the version, where its bytes are,
/// and what reading its bytes natively found (format, image header, problems).
public struct InspectedFile: Sendable {
    /// The path in the version, as people know it (`plates/plate.1001.exr`).
    public var name: String
    /// Where the tools read it.
    public var url: URL
    public var report: FormatReport

    public init(name: String, url: URL, report: FormatReport) {
        self.name = name
        self.url = url
        self.report = report
    }

    /// Reads the file's header natively (bounded, never throws) to know what it is.
    public static func inspecting(name: String, url: URL, with inspector: FormatInspector = FormatInspector()) -> InspectedFile {
        var report = inspector.inspect(fileAt: url)
        report.fileName = name
        return InspectedFile(name: name, url: url, report: report)
    }

    /// The first error reading the bytes found, said for people. A decoder may not notice it:
    /// OIIO decodes a truncated TIFF as black and reports success.
    public var problem: String? {
        report.issues.first { $0.severity == .error }.map { "\(name): \($0.message) (\($0.code))" }
    }
}
