/// A node class the stand-in serves: its recorded schema and its behaviour.
struct NodeDefinition: Sendable {
    var schema: NodeSchema
    var operation: any NodeOperation
}
