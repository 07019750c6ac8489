import Foundation

/// The one error type that crosses the library/server boundary.
///
/// A struct rather than an enum so that adding a code breaks no caller; the `code` is part of
/// the public API (clients switch on it) and never changes once shipped. The server renders
/// every `AtlasError` as RFC 9457 `application/problem+json`.
public struct AtlasError: Error, Sendable, Equatable {
    /// Stable machine-readable code, e.g. `asset_not_found`.
    public var code: String
    /// HTTP status the error maps to.
    public var status: Int
    /// Short, stable human summary of the code.
    public var title: String
    /// What happened this time, safe to show to the caller.
    public var detail: String
    /// Per-field problems for validation errors.
    public var fieldErrors: [FieldError]
    /// Seconds after which a refused request may be made again (`Retry-After`).
    public var retryAfter: Int?

    public init(code: String, status: Int, title: String, detail: String, fieldErrors: [FieldError] = [], retryAfter: Int? = nil) {
        self.code = code
        self.status = status
        self.title = title
        self.detail = detail
        self.fieldErrors = fieldErrors
        self.retryAfter = retryAfter
    }
}

extension AtlasError {
    /// An object that does not exist (or is not visible), e.g. `notFound("asset", id)` → `asset_not_found`.
    public static func notFound(_ kind: String, _ reference: CustomStringConvertible) -> AtlasError {
        let words = kind.replacingOccurrences(of: "_", with: " ")
        return AtlasError(code: "\(kind)_not_found", status: 404, title: words.prefix(1).uppercased() + words.dropFirst() + " not found",
                          detail: "No \(words) \(reference) exists.")
    }

    /// A request body or parameters with one or more invalid fields.
    public static func validation(_ errors: [FieldError]) -> AtlasError {
        let summary = errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        return AtlasError(code: "validation_failed", status: 400, title: "Invalid request",
                          detail: summary, fieldErrors: errors)
    }

    /// A single invalid field.
    public static func invalid(_ field: String, _ message: String) -> AtlasError {
        validation([FieldError(field: field, message: message)])
    }

    public static func badRequest(_ code: String, _ detail: String) -> AtlasError {
        AtlasError(code: code, status: 400, title: "Bad request", detail: detail)
    }

    public static func conflict(_ code: String, _ detail: String) -> AtlasError {
        AtlasError(code: code, status: 409, title: "Conflict", detail: detail)
    }

    /// `If-Match` named a revision that is no longer current.
    public static func versionConflict(current: String) -> AtlasError {
        AtlasError(code: "version_conflict", status: 412, title: "Precondition failed",
                   detail: "The object changed since you read it; its current ETag is \(current). Read it again and retry.")
    }

    /// An update came without `If-Match`.
    public static let preconditionRequired = AtlasError(
        code: "precondition_required", status: 428, title: "Precondition required",
        detail: "Updates need an If-Match header with the ETag you read, so that no one's change is lost.")

    public static func uploadTooLarge(limit: Int64) -> AtlasError {
        AtlasError(code: "upload_too_large", status: 413, title: "Upload too large",
                   detail: "The upload is larger than the server's limit of \(limit) bytes (ATLAS_MAX_UPLOAD_BYTES).")
    }

    public static let emptyUpload = AtlasError(
        code: "empty_upload", status: 400, title: "Empty upload",
        detail: "The upload contained no bytes. Send the file's content in the request body.")

    public static func internalError(requestID: String) -> AtlasError {
        AtlasError(code: "internal_error", status: 500, title: "Internal server error",
                   detail: "Something went wrong on the server. Quote request id \(requestID) when reporting it.")
    }
}
