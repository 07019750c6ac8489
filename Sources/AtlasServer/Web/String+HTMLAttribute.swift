extension String {
    /// The string made safe inside a quoted HTML attribute. Plot escapes text but writes
    /// attribute values as given, so every value from outside (names, query parameters,
    /// path segments) goes through this before it becomes an attribute.
    var attributeEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
