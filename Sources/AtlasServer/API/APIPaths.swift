import Foundation

/// URLs the API hands out in its bodies and `Location` headers.
enum APIPaths {
    static let base = "/api/v1"

    static func project(_ id: UUID) -> String { "\(base)/projects/\(id.lowercased)" }
    static func asset(_ id: UUID) -> String { "\(base)/assets/\(id.lowercased)" }
    static func version(asset: UUID, number: Int) -> String { "\(Self.asset(asset))/versions/\(number)" }
    static func user(_ id: UUID) -> String { "\(base)/users/\(id.lowercased)" }

    static func file(asset: UUID, version: Int, path: String) -> String {
        let encoded = path.split(separator: "/").map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
        }
        return "\(self.version(asset: asset, number: version))/files/\(encoded.joined(separator: "/"))"
    }
}

extension UUID {
    /// The lowercase form the API writes ids in.
    var lowercased: String { uuidString.lowercased() }
}
