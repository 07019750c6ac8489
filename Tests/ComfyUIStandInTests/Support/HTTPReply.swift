import Foundation
@testable import ComfyUIStandIn

/// An HTTP answer of the stand-in.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: Data

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON; `.null` for an empty or non-JSON body.
    var json: JSON { (try? JSONParser.parse(Array(body))) ?? .null }
}
