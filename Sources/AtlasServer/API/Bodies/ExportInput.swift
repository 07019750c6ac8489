import AtlasCore
import AtlasFormats

/// The body of `POST …/versions/{n}/exports`.
struct ExportInput: Decodable, Sendable {
    var file: String?
    var format: String?
    var deliver: String?

    /// The request's fields, checked: every problem reported at once.
    func validated() throws -> (file: String, format: ExportFormat, deliver: ExportOrder.Delivery) {
        var errors: [FieldError] = []
        let file = self.file ?? ""
        if file.isEmpty { errors.append(FieldError(field: "file", message: "is required: the path of a file of the version")) }
        let format = self.format.flatMap(ExportFormat.init(rawValue:))
        if format == nil {
            errors.append(FieldError(field: "format", message: "must be one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let deliver = ExportOrder.Delivery(rawValue: self.deliver ?? "download")
        if deliver == nil { errors.append(FieldError(field: "deliver", message: "must be download or version")) }
        guard errors.isEmpty, let format, let deliver else { throw AtlasError.validation(errors) }
        return (file, format, deliver)
    }
}
