import AtlasCore

/// Entity tags of API objects: the object's revision, quoted. `If-Match` is compared against it.
enum ETag {
    static func revision(_ revision: Int) -> String { "\"r\(revision)\"" }

    /// The revision an `If-Match` header names; `*` matches any (nil), a missing header is an error.
    static func expectedRevision(ifMatch header: String?) throws(AtlasError) -> Int? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            throw AtlasError.preconditionRequired
        }
        if header == "*" { return nil }
        let tag = header.hasPrefix("W/") ? String(header.dropFirst(2)) : header
        guard tag.hasPrefix("\"r"), tag.hasSuffix("\""), let revision = Int(tag.dropFirst(2).dropLast()) else {
            // An ETag of some other shape can never match: report it as a conflict, as RFC 9110 says.
            throw AtlasError(code: "version_conflict", status: 412, title: "Precondition failed",
                             detail: "If-Match \(header) does not name a current ETag of this object. Read it again and retry.")
        }
        return revision
    }
}
