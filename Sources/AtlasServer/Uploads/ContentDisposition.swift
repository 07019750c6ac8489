import Foundation

/// The parameters of a part's `Content-Disposition` header.
struct ContentDisposition {
    var name: String?
    var filename: String?

    init(_ header: String) {
        for parameter in header.split(separator: ";").dropFirst() {
            let pieces = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else { continue }
            var value = pieces[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            switch pieces[0].lowercased() {
            case "name": name = value
            case "filename": filename = value.removingPercentEncoding ?? value
            default: break
            }
        }
    }
}
