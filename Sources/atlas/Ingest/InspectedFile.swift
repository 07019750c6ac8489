import AtlasFormats

/// A file of the folder with what its bytes say it is.
struct InspectedFile: Sendable {
    var file: TreeFile
    var report: FormatReport

    /// The error that keeps the file out, or nil when it can be ingested.
    ///
    /// Content of a kind Atlas does not read, under a name that claims no format (`notes.txt`,
    /// `shot.nk`), is ingested as it is, as `other` content: a delivery folder holds such files
    /// and they belong in the library. A file whose name claims a format its bytes do not have,
    /// or that is empty, truncated or corrupt, is rejected.
    var rejection: FormatIssue? {
        let errors = report.issues.filter { $0.severity == .error }
        guard let first = errors.first else { return nil }
        let unknownKind = report.format == nil && FileFormat.claimed(byFileName: file.fileName) == nil
            && errors.allSatisfy { $0.code == .formatUnrecognized }
        return unknownKind ? nil : first
    }
}
