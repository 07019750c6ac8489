import AtlasCore
import AtlasFormats

/// Schemas of generated previews and exports.
extension OpenAPISchemas {
    static let previews: [String: JSONValue] = [
        "VersionPreviews": object([
            "state": enumeration(["pending", "ready", "unavailable", "failed"]),
            "kinds": ["type": "array", "items": enumeration(PreviewKind.allCases.map(\.rawValue))],
            "reason": nullableString,
            "revision": ["type": ["string", "null"],
                         "description": "Changes each time the previews are made again; add it to a preview's URL as ?r= so a cached older image is not shown."],
        ], required: ["state", "kinds", "reason", "revision"]),
        "CreateExport": object([
            "file": ["type": "string", "minLength": 1, "description": "The path of a file of the version."],
            "format": enumeration(ExportFormat.allCases.map(\.rawValue)),
            "deliver": enumeration(ExportOrder.Delivery.allCases.map(\.rawValue)),
        ], required: ["file", "format"]),
    ]
}
