import AtlasCore
import NIOCore
import Vapor

/// Reads an upload's body chunk by chunk within a size limit.
///
/// When an upload fails part-way (too large, malformed, refused), the rest of its body is still
/// read and dropped, up to `maxDrainBytes`: Vapor only drains bodies no one has begun to read, so
/// a body abandoned mid-stream would leave the connection hanging, and the client waiting.
enum UploadBody {
    static let maxDrainBytes: Int64 = 256 << 20

    static func read(_ request: Request, limit: Int64, tooLarge: AtlasError,
                     _ consume: (ByteBuffer) throws -> Void) async throws {
        var received: Int64 = 0
        var dropped: Int64 = 0
        var failure: (any Error)?
        do {
            for try await chunk in request.body {
                received += Int64(chunk.readableBytes)
                if failure != nil {
                    dropped += Int64(chunk.readableBytes)
                    if dropped > maxDrainBytes { break }
                    continue
                }
                if received > limit {
                    failure = tooLarge
                    continue
                }
                do { try consume(chunk) } catch { failure = error }
            }
        } catch {
            throw failure ?? UploadLimit.describe(error)
        }
        if let failure { throw failure }
    }
}
