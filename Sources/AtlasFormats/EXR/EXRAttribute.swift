/// One attribute of an EXR part header, in file order.
public struct EXRAttribute: Sendable, Hashable {
    public var name: String
    /// The type name as written in the file (`box2i`, `chlist`, or any custom type).
    public var typeName: String
    /// The value's size in bytes as declared.
    public var byteCount: Int
    public var value: EXRAttributeValue

    public init(name: String, typeName: String, byteCount: Int, value: EXRAttributeValue) {
        self.name = name
        self.typeName = typeName
        self.byteCount = byteCount
        self.value = value
    }
}
