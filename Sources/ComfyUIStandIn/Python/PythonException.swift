/// A Python exception as ComfyUI reports it: the type's full name (`KeyError`,
/// `PIL.UnidentifiedImageError`) and `str(exception)`.
struct PythonException: Error, Sendable, Hashable {
    var type: String
    var message: String

    static func keyError(_ key: JSON) -> PythonException {
        // `str(KeyError(k))` is `repr(k)`.
        PythonException(type: "KeyError", message: PythonText.repr(key))
    }

    static func typeError(_ message: String) -> PythonException { PythonException(type: "TypeError", message: message) }
    static func valueError(_ message: String) -> PythonException { PythonException(type: "ValueError", message: message) }
    static func attributeError(_ value: JSON, _ attribute: String) -> PythonException {
        PythonException(type: "AttributeError", message: "'\(value.pythonTypeName)' object has no attribute '\(attribute)'")
    }
}
