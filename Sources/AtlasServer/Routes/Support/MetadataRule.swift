import AtlasCore
import Foundation

/// Checks client-supplied metadata against `FieldRules.maxMetadataBytes`, measured as the server stores it.
enum MetadataRule {
    static func check(_ metadata: Metadata?, field: String = "metadata") -> Result<Metadata, FieldError> {
        let metadata = metadata ?? [:]
        return FieldRules.metadata(metadata, encodedSize: JSONCoding.metadataText(metadata).utf8.count, field: field)
    }
}
