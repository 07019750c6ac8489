import AtlasCore

/// The component schemas of the OpenAPI document: the shapes of every body the API reads and writes.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }
    static let uuid: JSONValue = ["type": "string", "format": "uuid"]
    static let dateTime: JSONValue = ["type": "string", "format": "date-time"]
    static let string: JSONValue = ["type": "string"]
    static let nullableString: JSONValue = ["type": ["string", "null"]]
    static let integer: JSONValue = ["type": "integer"]
    static let metadata: JSONValue = ["type": "object", "additionalProperties": true]
    static let sha256: JSONValue = ["type": "string", "pattern": "^[0-9a-f]{64}$"]

    static func enumeration(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map { .string($0) })] }
    static func object(_ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) })]
    }
    static func page(of item: String) -> JSONValue {
        object(["items": ["type": "array", "items": ref(item)], "next_cursor": nullableString], required: ["items", "next_cursor"])
    }

    static let assetTypes = enumeration(AssetType.allCases.map(\.rawValue))
    static let statuses = enumeration(VersionStatus.allCases.map(\.rawValue))
    static let stamp: [String: JSONValue] = [
        "id": uuid, "name": string, "metadata": metadata, "created_at": dateTime, "updated_at": dateTime,
        "created_by": nullableString, "updated_by": nullableString, "etag": string,
    ]

    static var all: [String: JSONValue] {
        library.merging(accounts) { a, _ in a }.merging(jobs) { a, _ in a }.merging(previews) { a, _ in a }.merging(aiTools) { a, _ in a }
    }

    static let library: [String: JSONValue] = [
        "Problem": object([
            "type": string, "title": string, "status": integer, "detail": string, "code": string, "instance": string,
            "request_id": string,
            "errors": ["type": "array", "items": object([
                "field": string, "message": string,
                "code": ["type": "string", "description": "A stable reason, where one is known (out_of_range, required, or ComfyUI's error type)."],
            ], required: ["field", "message"])],
        ], required: ["type", "title", "status", "detail", "code"]),
        "Project": object(stamp.merging([
            "code": string, "description": string, "status": enumeration(ProjectStatus.allCases.map(\.rawValue)),
        ]) { a, _ in a }, required: ["id", "name", "code", "status", "etag"]),
        "ProjectPage": page(of: "Project"),
        "CreateProject": object(["name": string, "code": string, "description": string, "metadata": metadata], required: ["name"]),
        "UpdateProject": object(["name": string, "code": string, "description": string, "metadata": metadata]),
        "File": object(["path": string, "sha256": sha256, "size": integer, "url": string], required: ["path", "sha256", "size", "url"]),
        "FileReference": object(["path": string, "sha256": sha256], required: ["path", "sha256"]),
        "Version": object(stamp.merging([
            "asset_id": uuid, "number": integer, "parent_id": ["type": ["string", "null"], "format": "uuid"],
            "status": statuses, "comment": string, "reverted_from": ["type": ["integer", "null"]],
            "files": ["type": "array", "items": ref("File")], "previews": ref("VersionPreviews"),
        ]) { a, _ in a }.filter { $0.key != "name" }, required: ["id", "asset_id", "number", "status", "files", "etag"]),
        "VersionPage": page(of: "Version"),
        "Asset": object(stamp.merging([
            "project_id": uuid, "type": assetTypes, "format": nullableString, "description": string,
            "tags": ["type": "array", "items": string], "status": statuses, "latest_version": integer,
            "deleted_at": ["type": ["string", "null"], "format": "date-time"],
            "latest": ["oneOf": [ref("Version"), ["type": "null"]]],
            "previews": ref("VersionPreviews"),
        ]) { a, _ in a }, required: ["id", "project_id", "name", "type", "status", "latest_version", "tags", "etag"]),
        "AssetPage": object([
            "items": ["type": "array", "items": ref("Asset")], "next_cursor": nullableString,
            "facets": ["type": "object", "additionalProperties": [
                "type": "array", "items": object(["value": string, "count": integer], required: ["value", "count"]),
            ]],
        ], required: ["items", "next_cursor"]),
        "CreateAsset": object([
            "project_id": uuid, "name": string, "type": assetTypes, "format": string, "description": string,
            "tags": ["type": "array", "items": string], "metadata": metadata,
            "files": ["type": "array", "items": ref("FileReference")], "comment": string, "status": statuses,
            "version_metadata": metadata,
        ], required: ["project_id", "name", "type"]),
        "CreateAssetUpload": object([
            "data": ["type": "string", "description": "The CreateAsset JSON; or give its fields as separate form fields."],
            "file": ["type": "array", "items": ["type": "string", "format": "binary"]],
        ]),
        "UpdateAsset": object([
            "name": string, "type": assetTypes, "description": string, "tags": ["type": "array", "items": string], "metadata": metadata,
        ]),
        "CreateVersion": object([
            "files": ["type": "array", "items": ref("FileReference")], "comment": string, "status": statuses, "metadata": metadata,
        ]),
        "CreateVersionUpload": object([
            "data": ["type": "string", "description": "The CreateVersion JSON; or give its fields as separate form fields."],
            "file": ["type": "array", "items": ["type": "string", "format": "binary"]],
        ]),
        "SetVersionStatus": object(["status": statuses], required: ["status"]),
        "Revert": object(["comment": string]),
        "Tags": object(["tags": ["type": "array", "items": string]], required: ["tags"]),
        "TagList": object(["items": ["type": "array", "items": object(["tag": string, "count": integer], required: ["tag", "count"])]],
                          required: ["items"]),
        "VersionDiff": object([
            "asset_id": uuid, "from": integer, "to": integer,
            "metadata": object(["added": metadata, "removed": metadata, "changed": metadata]),
            "files": object([
                "added": ["type": "array", "items": string], "removed": ["type": "array", "items": string],
                "unchanged": ["type": "array", "items": string],
                "changed": ["type": "array", "items": object(["path": string, "from_sha256": sha256, "to_sha256": sha256])],
            ]),
            "status": ["oneOf": [object(["from": string, "to": string]), ["type": "null"]]],
        ], required: ["asset_id", "from", "to", "metadata", "files"]),
        "DependencyEnd": object(["version_id": uuid, "asset_id": uuid, "asset_name": string, "version": integer]),
        "Dependency": object([
            "id": uuid, "kind": string, "reference": string, "missing": ["type": "boolean"],
            "depth": ["type": ["integer", "null"]],
            "source": ["oneOf": [ref("DependencyEnd"), ["type": "null"]]],
            "target": ["oneOf": [ref("DependencyEnd"), ["type": "null"]]],
            "created_at": dateTime, "created_by": nullableString,
        ], required: ["id", "kind", "reference", "missing"]),
        "DependencyList": object(["items": ["type": "array", "items": ref("Dependency")], "missing": integer],
                                 required: ["items", "missing"]),
        "AddDependency": object(["version_id": uuid, "asset_id": uuid, "version": integer, "reference": string, "kind": string]),
        "Blob": object(["sha256": sha256, "size": integer, "created": ["type": "boolean"]], required: ["sha256", "size", "created"]),
        "Health": object(["status": string, "database": string], required: ["status"]),
        "Binary": ["type": "string", "format": "binary"],
        "Metrics": ["type": "string", "description": "Prometheus text exposition format 0.0.4."],
        // One Server-Sent Event, as a client's parser hands it over (OpenAPI 3.2 reads a stream as its events).
        "EventStream": [
            "type": "object", "properties": ["id": string, "event": string, "data": string, "retry": integer],
            "description": "Server-Sent Events: `id` is the event's seq, `event` its type, `data` the event as JSON.",
        ],
    ]
}
