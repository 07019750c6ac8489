import AtlasCore
import Foundation

/// What `atlas inspect` reports for files and folders: each file's report, and the image
/// sequences the files form, with their gaps and frames that disagree.
public struct PathInspection: Sendable {
    public var reports: [FormatReport]
    public var sequences: [SequenceReport]

    /// One sequence found among the inspected files of a folder.
    public struct SequenceReport: Sendable {
        public var folder: String
        public var sequence: ImageSequence
        public var issues: [FormatIssue]

        public var json: JSONValue {
            .object([
                "folder": .string(folder),
                "pattern": .string(sequence.pattern.hashNotation),
                "first": sequence.first.map { .number(Double($0)) } ?? .null,
                "last": sequence.last.map { .number(Double($0)) } ?? .null,
                "frames": .number(Double(sequence.count)),
                "padding": .number(Double(sequence.pattern.padding)),
                "range": .string(sequence.rangeText),
                "missing": .number(Double(sequence.missingCount)),
                "issues": .array(issues.map(\.json)),
            ])
        }
    }

    /// Any error among the files and sequences.
    public var hasErrors: Bool {
        reports.contains(where: \.hasErrors) || sequences.contains { $0.issues.contains { $0.severity == .error } }
    }

    /// The tags the files suggest for their asset, each once (see `FormatReport.suggestedTags`).
    public var suggestedTags: [String] {
        Array(Set(reports.flatMap(\.suggestedTags))).sorted()
    }

    public var json: JSONValue {
        .object(["files": .array(reports.map(\.json)), "sequences": .array(sequences.map(\.json)),
                 "suggested_tags": .array(suggestedTags.map(JSONValue.string))])
    }

    /// Inspects `paths`: files as given, folders with everything under them (hidden files skipped).
    public static func inspect(_ paths: [String], inspector: FormatInspector = FormatInspector()) -> PathInspection {
        let entries = paths.flatMap(files(at:)).map { (name: $0, url: URL(fileURLWithPath: $0)) }
        return inspect(entries: entries, inspector: inspector)
    }

    /// Inspects files known by a logical path (`plates/plate.1001.exr`) but stored elsewhere
    /// (`url`, e.g. a content-addressed blob): reports carry the logical name, and sequences are
    /// found among the names of each logical folder.
    public static func inspect(entries: [(name: String, url: URL)], inspector: FormatInspector = FormatInspector()) -> PathInspection {
        var byFolder: [String: [(file: String, url: URL)]] = [:]
        for entry in entries {
            let name = entry.name as NSString
            byFolder[name.deletingLastPathComponent, default: []].append((name.lastPathComponent, entry.url))
        }
        var result = PathInspection(reports: [], sequences: [])
        for (folder, files) in byFolder.sorted(by: { $0.key < $1.key }) {
            var reports: [String: FormatReport] = [:]
            for file in files.sorted(by: { $0.file < $1.file }) {
                var report = inspector.inspect(fileAt: file.url)
                report.fileName = folder.isEmpty ? file.file : (folder as NSString).appendingPathComponent(file.file)
                reports[file.file] = report
                result.reports.append(report)
            }
            let names = files.map(\.file)
            for sequence in SequenceDetector.group(names).sequences {
                let frames = sequence.files.compactMapValues { reports[$0] }
                result.sequences.append(SequenceReport(folder: folder, sequence: sequence, issues: sequence.gapIssues + sequence.frameIssues(frames)))
            }
        }
        return result
    }

    static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return [path] }
        guard isFolder.boolValue else { return [path] }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var nested: ObjCBool = false
            if (relative as NSString).lastPathComponent.hasPrefix(".") { continue }
            if FileManager.default.fileExists(atPath: full, isDirectory: &nested), !nested.boolValue { found.append(full) }
        }
        return found
    }
}

extension FormatIssue {
    /// The issue as reports show it.
    public var json: JSONValue {
        .object(["code": .string(code.rawValue), "severity": .string(severity.rawValue), "message": .string(message)])
    }
}
