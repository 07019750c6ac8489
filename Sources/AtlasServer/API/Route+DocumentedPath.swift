import Vapor

extension Route {
    /// The route's path as the OpenAPI document writes it (and metrics label it): `/api/v1/assets/{asset_id}`, a catch-all as `{path}`.
    public var documentedPath: String {
        "/" + path.map { component -> String in
            switch component {
            case .constant(let value): value
            case .parameter(let name): "{\(name)}"
            case .catchall: "{path}"
            case .anything: "{any}"
            }
        }.joined(separator: "/")
    }
}
