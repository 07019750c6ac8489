import Foundation
import Testing
import AtlasCore

@Suite("AtlasError")
struct AtlasErrorTests {
    @Test("notFound names the kind in the code and the reference in the detail")
    func notFound() {
        let id = UUID()
        let error = AtlasError.notFound("asset", id)
        #expect(error.code == "asset_not_found")
        #expect(error.status == 404)
        #expect(error.title == "Asset not found")
        #expect(error.detail == "No asset \(id.uuidString) exists.")
        #expect(error.fieldErrors.isEmpty)
    }

    @Test("notFound writes underscores in a kind as spaces in the detail")
    func notFoundCompoundKind() {
        let error = AtlasError.notFound("ai_tool", "denoise")
        #expect(error.code == "ai_tool_not_found")
        #expect(error.detail == "No ai tool denoise exists.")
    }

    @Test("validation joins every field message and keeps the field errors")
    func validation() {
        let errors = [
            FieldError(field: "name", message: "must not be empty"),
            FieldError(field: "tags", message: "at most 100 tags per asset"),
        ]
        let error = AtlasError.validation(errors)
        #expect(error.code == "validation_failed")
        #expect(error.status == 400)
        #expect(error.title == "Invalid request")
        #expect(error.detail == "name: must not be empty; tags: at most 100 tags per asset")
        #expect(error.fieldErrors == errors)
    }

    @Test("invalid is a validation error for one field")
    func invalid() {
        #expect(AtlasError.invalid("limit", "too big") == AtlasError.validation([FieldError(field: "limit", message: "too big")]))
        #expect(AtlasError.invalid("limit", "too big").detail == "limit: too big")
    }

    @Test("versionConflict is 412 and tells the current ETag")
    func versionConflict() {
        let error = AtlasError.versionConflict(current: "\"7\"")
        #expect(error.code == "version_conflict")
        #expect(error.status == 412)
        #expect(error.detail.contains("\"7\""))
    }

    @Test("uploadTooLarge is 413 and tells the limit")
    func uploadTooLarge() {
        let error = AtlasError.uploadTooLarge(limit: 1_073_741_824)
        #expect(error.code == "upload_too_large")
        #expect(error.status == 413)
        #expect(error.detail.contains("1073741824 bytes"))
    }

    @Test("internalError is 500 and quotes the request id")
    func internalError() {
        let error = AtlasError.internalError(requestID: "req-42")
        #expect(error.status == 500)
        #expect(error.detail.contains("req-42"))
    }

    @Test("Each constructor has its stable code and HTTP status", arguments: [
        (AtlasError.notFound("project", "GLD"), "project_not_found", 404),
        (AtlasError.validation([FieldError(field: "a", message: "b")]), "validation_failed", 400),
        (AtlasError.badRequest("invalid_cursor", "bad"), "invalid_cursor", 400),
        (AtlasError.conflict("code_taken", "taken"), "code_taken", 409),
        (AtlasError.versionConflict(current: "\"3\""), "version_conflict", 412),
        (AtlasError.preconditionRequired, "precondition_required", 428),
        (AtlasError.uploadTooLarge(limit: 10), "upload_too_large", 413),
        (AtlasError.emptyUpload, "empty_upload", 400),
        (AtlasError.internalError(requestID: "r"), "internal_error", 500),
    ] as [(AtlasError, String, Int)])
    func codesAndStatuses(error: AtlasError, code: String, status: Int) {
        #expect(error.code == code)
        #expect(error.status == status)
        #expect(!error.title.isEmpty)
        #expect(!error.detail.isEmpty)
    }

    @Test("badRequest and conflict carry the given detail")
    func badRequestAndConflict() {
        #expect(AtlasError.badRequest("x", "detail one").detail == "detail one")
        #expect(AtlasError.conflict("y", "detail two").detail == "detail two")
    }
}
