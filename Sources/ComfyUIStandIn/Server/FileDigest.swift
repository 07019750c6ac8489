import Foundation
import Vapor

/// SHA-256 of files, as ComfyUI hashes uploads (duplicate check) and `LoadImage` inputs (`IS_CHANGED`).
enum FileDigest {
    static func sha256(ofFileAt file: URL) -> String? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return sha256(data)
    }

    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
