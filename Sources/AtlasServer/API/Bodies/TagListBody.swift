import Foundation

/// Tags with how many live assets carry each, most used first.
struct TagListBody: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var tag: String
        var count: Int
    }

    var items: [Item]
}
