/// Why a call to an Atlas server failed: it answered with a status the caller did not expect
/// (with the problem's stable `code` when the body was problem+json), or it was not reached.
struct AtlasClientError: Error, CustomStringConvertible, Sendable {
    /// The HTTP status, or nil when no answer came.
    var status: Int?
    /// The problem+json `code` (`authentication_required`, `validation_failed`, …) when there was one.
    var code: String?
    /// The problem's `detail`, for people, when there was one.
    var detail: String?
    var description: String

    init(status: Int? = nil, code: String? = nil, detail: String? = nil, _ description: String) {
        self.status = status
        self.code = code
        self.detail = detail
        self.description = description
    }

    /// The server refused the credential (401) or the account may not do this (403).
    var isAccessRefused: Bool { status == 401 || status == 403 }
}
