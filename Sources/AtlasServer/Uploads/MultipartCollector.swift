import AtlasCore
import AtlasStorage
import Foundation
import NIOCore

/// Receives the multipart parser's callbacks for one request: file parts go straight into
/// blob writers, small text fields are kept. Used by one task only.
final class MultipartCollector {
    static let maxFieldBytes = 1024 * 1024
    static let maxFiles = 10_000

    private enum Part {
        case file(path: String, writer: BlobWriter)
        case field(name: String, bytes: [UInt8])
        case ignored
    }

    private let store: any BlobStore
    private var headers: [String: String] = [:]
    private var part: Part?
    private var fields: [(String, String)] = []
    private var files: [(path: String, blob: StagedBlob)] = []
    private(set) var failure: AtlasError?

    init(store: any BlobStore) {
        self.store = store
    }

    func header(_ name: String, _ value: String) {
        headers[name.lowercased()] = value
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        do {
            try beginPartIfNeeded()
            switch part {
            case .file(_, let writer):
                try buffer.withUnsafeReadableBytes { try writer.write($0) }
            case .field(let name, var bytes):
                guard bytes.count + buffer.readableBytes <= Self.maxFieldBytes else {
                    throw AtlasError.invalid(name, "form fields may be at most \(Self.maxFieldBytes) bytes")
                }
                bytes.append(contentsOf: buffer.readableBytesView)
                part = .field(name: name, bytes: bytes)
            case .ignored, nil:
                break
            }
        } catch {
            fail(error)
        }
    }

    func partComplete() {
        guard failure == nil else { return }
        do {
            try beginPartIfNeeded()
            switch part {
            case .file(let path, let writer):
                guard writer.bytesWritten > 0 else {
                    writer.abort()
                    throw AtlasError.invalid(path, "the file is empty (0 bytes)")
                }
                files.append((path, try writer.finish()))
            case .field(let name, let bytes):
                fields.append((name, String(decoding: bytes, as: UTF8.self)))
            case .ignored, nil:
                break
            }
        } catch {
            fail(error)
        }
        part = nil
        headers = [:]
    }

    /// The upload's description as JSON, and its staged files.
    func finish() throws -> ReceivedUpload {
        if let failure { throw failure }
        if case .file(_, let writer)? = part { writer.abort() }
        guard !files.isEmpty || !fields.isEmpty else {
            throw AtlasError.emptyUpload
        }
        return ReceivedUpload(json: try UploadFields.json(from: fields), files: files)
    }

    func discardAll() {
        if case .file(_, let writer)? = part { writer.abort() }
        part = nil
        for file in files { store.discard(file.blob) }
        files = []
    }

    private func beginPartIfNeeded() throws {
        guard part == nil else { return }
        let disposition = ContentDisposition(headers["content-disposition"] ?? "")
        guard let name = disposition.name else {
            part = .ignored
            return
        }
        if let filename = disposition.filename {
            guard files.count < Self.maxFiles else { throw AtlasError.invalid("file", "at most \(Self.maxFiles) files per upload") }
            let path = try FieldRules.filePath(filename, field: "file").get()
            guard !files.contains(where: { $0.path == path }) else {
                throw AtlasError.invalid(path, "the upload holds two files with this path")
            }
            part = .file(path: path, writer: try store.makeWriter())
        } else {
            part = .field(name: name, bytes: [])
        }
    }

    private func fail(_ error: any Error) {
        switch error {
        case let error as AtlasError: failure = error
        case let error as FieldError: failure = .validation([error])
        default: failure = AtlasError.badRequest("upload_failed", "The upload could not be stored: \(error)")
        }
        discardAll()
    }
}
