import AtlasCore
import Foundation
import Vapor

extension Request {
    /// A UUID path parameter; one that is malformed names nothing, so it is "not found" like an unknown one.
    func objectID(_ name: String, kind: String) throws -> UUID {
        let text = parameters.get(name) ?? ""
        guard let id = UUID(uuidString: text) else { throw AtlasError.notFound(kind, text) }
        return id
    }

    /// The `{number}` of a version route.
    func versionNumber(asset: UUID) throws -> Int {
        let text = parameters.get("number") ?? ""
        guard let number = Int(text), number >= 1 else {
            throw AtlasError.notFound("version", "\(text) of asset \(asset)")
        }
        return number
    }

    /// The query string as the listing parsers take it.
    var queryParameters: QueryParameters { QueryParameters(queryString: url.query) }

    /// The revision named by `If-Match`: required on updates.
    func expectedRevision() throws -> Int? {
        try ETag.expectedRevision(ifMatch: headers.first(name: .ifMatch))
    }
}
