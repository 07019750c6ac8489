import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the key that seals stored secrets comes from: `ATLAS_SECRET_KEY`, or a key file made
/// on first start in the data folder, readable by its owner only.
enum SecretKeyFile {
    static let fileName = "secret.key"

    static func load(_ configuration: AtlasConfiguration) throws -> SymmetricKey {
        if let text = configuration.secretKey, let data = Data(base64Encoded: text) {
            return SymmetricKey(data: data)
        }
        let path = configuration.dataDirectory + "/" + fileName
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else {
                throw SecretKeyError(path: path)
            }
            return SymmetricKey(data: data)
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
        // Created with mode 0600 by open(2) itself: there is no moment at which others could read it.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SecretKeyError(path: path) }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count, fsync(fd) == 0 else { throw SecretKeyError(path: path) }
        return key
    }
}

struct SecretKeyError: Error, CustomStringConvertible {
    var path: String
    var description: String {
        "The secret key file \(path) cannot be read or written, or does not hold the base64 of 32 bytes. Fix it or set ATLAS_SECRET_KEY."
    }
}
