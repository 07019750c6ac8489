import AtlasCore

/// The value of one node input in an API-format prompt: a literal, or a link to another node's output.
///
/// ComfyUI reads every JSON list as a link, so a literal that is itself a list travels wrapped as
/// `{"__value__": [...]}`; this type unwraps it on the way in and wraps it on the way out, so callers
/// only ever see the list.
public enum ComfyUIInputValue: Sendable, Hashable {
    case literal(JSONValue)
    case link(ComfyUILink)

    /// Reads a value as ComfyUI would; `nil` for a list that is neither a link nor wrapped.
    public init?(json: JSONValue) {
        switch json {
        case .array(let items):
            guard items.count == 2, case .string(let node) = items[0], case .number(let index) = items[1],
                  index >= 0, index.rounded() == index, index < Double(Int32.max) else { return nil }
            self = .link(ComfyUILink(node: node, output: Int(index)))
        case .object(let members) where members.count == 1:
            if case .array(let list)? = members["__value__"] { self = .literal(.array(list)) } else { self = .literal(json) }
        default:
            self = .literal(json)
        }
    }

    /// The value as ComfyUI expects it in `POST /prompt`.
    public var json: JSONValue {
        switch self {
        case .link(let link): return .array([.string(link.node), .number(Double(link.output))])
        case .literal(.array(let list)): return .object(["__value__": .array(list)])
        case .literal(let value): return value
        }
    }

    /// The literal, or `nil` for a link.
    public var literal: JSONValue? {
        if case .literal(let value) = self { return value }
        return nil
    }

    /// The link, or `nil` for a literal.
    public var link: ComfyUILink? {
        if case .link(let link) = self { return link }
        return nil
    }
}
