import Foundation

/// The classic cache's keys (`CacheKeySetInputSignature`): a node's class, its `IS_CHANGED`
/// answer and its inputs, with each link replaced by the signature of the node it comes from.
/// Two prompts share a cached result wherever these match, whatever the node ids.
struct NodeSignatures {
    private let prompt: JSONObject
    private let catalog: NodeCatalog
    private let environment: NodeEnvironment
    private var known: [String: String] = [:]
    private var visiting: Set<String> = []

    init(prompt: JSONObject, catalog: NodeCatalog, environment: NodeEnvironment) {
        self.prompt = prompt
        self.catalog = catalog
        self.environment = environment
    }

    /// Every node's signature.
    static func all(of prompt: JSONObject, catalog: NodeCatalog, environment: NodeEnvironment) -> [String: String] {
        var signatures = NodeSignatures(prompt: prompt, catalog: catalog, environment: environment)
        for node in prompt.keys { _ = signatures.signature(of: node) }
        return signatures.known
    }

    private mutating func signature(of node: String) -> String {
        if let signature = known[node] { return signature }
        guard let entry = prompt[node]?.objectValue, !visiting.contains(node) else { return Self.uncacheable() }
        visiting.insert(node)
        defer { visiting.remove(node) }
        let classType = entry["class_type"]?.stringValue ?? ""
        let inputs = entry["inputs"]?.objectValue ?? JSONObject()
        var parts = [classType, fingerprint(classType: classType, inputs: inputs)]
        for name in inputs.keys.sorted() {
            let value = inputs[name]!
            if value.isLink, let source = value.arrayValue?[0].stringValue {
                parts.append("\(name)=link(\(signature(of: source)),\(Self.canonical(value.arrayValue![1])))")
            } else {
                parts.append("\(name)=\(Self.canonical(value))")
            }
        }
        let signature = "[" + parts.joined(separator: ";") + "]"
        known[node] = signature
        return signature
    }

    private func fingerprint(classType: String, inputs: JSONObject) -> String {
        guard let operation = catalog[classType]?.operation,
              let answer = operation.fingerprint(inputs, environment: environment) else { return "-" }
        // Python compares with `!=`, so a NaN answer (IS_CHANGED failed) never matches.
        if case .double(let value) = answer, value.isNaN { return Self.uncacheable() }
        return Self.canonical(answer)
    }

    /// JSON with sorted keys and whole floats as integers: Python finds `1 == 1.0` in a cache key.
    private static func canonical(_ value: JSON) -> String {
        JSONWriter.write(normalized(value), sortedKeys: true)
    }

    private static func normalized(_ value: JSON) -> JSON {
        switch value {
        case .double(let number) where number.rounded() == number && abs(number) < 9e15: .int(Int(number))
        case .bool(let flag): .int(flag ? 1 : 0)
        case .array(let items): .array(items.map(normalized))
        case .object(let object): .object(JSONObject(object.map { ($0.key, normalized($0.value)) }))
        default: value
        }
    }

    private static func uncacheable() -> String { "uncacheable-\(UUID().uuidString)" }
}
