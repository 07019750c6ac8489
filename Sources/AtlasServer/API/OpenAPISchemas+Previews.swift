import AtlasCore
import AtlasFormats

/// Schemas of generated previews and exports.
extension OpenAPISchemas {
    static let previews: [String: JSONValue] = [
        "VersionPreviews": object([
            "state": enumeration(["pending", "ready", "unavailable", "failed"]),
            "kinds": ["type": "array", "items": enumeration(PreviewKind.allCases.map(\.rawValue))],
            "reason": nullableString,
        ], required: ["state", "kinds", "reason"]),
        "CreateExport": object([
            "file": ["type": "string", "minLength": 1, "description": "The path of a file of the version."],
            "format": enumeration(ExportFormat.allCases.map(\.rawValue)),
            "deliver": enumeration(ExportOrder.Delivery.allCases.map(\.rawValue)),
        ], required: ["file", "format"]),
    ]
}
