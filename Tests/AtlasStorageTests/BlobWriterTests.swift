import AtlasCore
import AtlasStorage
import Foundation
import Testing

@Suite("Blob writer")
struct BlobWriterTests {
    let fixture: StoreFixture

    init() throws {
        fixture = try StoreFixture()
    }

    @Test("A multi-chunk write of several MB hashes the same as one-shot SHA-256")
    func multiChunkHashMatchesOneShot() throws {
        let data = pseudoRandomData(count: 5 * 1024 * 1024 + 123)
        let writer = try fixture.store.makeWriter()
        // Mixed sizes exercise both the coalescing buffer and the write-through path.
        let chunkSizes = [1, 7, 16 * 1024, 64 * 1024, 300 * 1024, 3, 256 * 1024, 50_000]
        var offset = 0
        var turn = 0
        while offset < data.count {
            let end = min(offset + chunkSizes[turn % chunkSizes.count], data.count)
            try writer.write(data[offset..<end])
            offset = end
            turn += 1
        }
        #expect(writer.bytesWritten == Int64(data.count))
        let staged = try writer.finish()

        #expect(staged.hash == oneShotHash(data))
        #expect(staged.size == Int64(data.count))
        #expect(FileManager.default.contents(atPath: staged.stagingPath) == data)
    }

    @Test("An empty blob has the SHA-256 of no bytes")
    func emptyBlob() throws {
        let staged = try fixture.stage(Data())
        #expect(staged.hash.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(staged.size == 0)
    }

    @Test("finish leaves a staging file inside the store holding exactly the written bytes")
    func finishLeavesStagedFile() throws {
        let staged = try fixture.stage(Data("staged".utf8))
        #expect(staged.stagingPath.hasPrefix(fixture.stagingDirectory + "/"))
        #expect(staged.stagingPath.hasSuffix(".part"))
        #expect(FileManager.default.contents(atPath: staged.stagingPath) == Data("staged".utf8))
    }

    @Test("abort removes the staging file and later writes or finish are refused")
    func abortRemovesStagingFile() throws {
        let writer = try fixture.store.makeWriter()
        try writer.write(Data(repeating: 7, count: 1000))
        #expect(try fixture.stagingFiles().count == 1)

        writer.abort()

        #expect(try fixture.stagingFiles().isEmpty)
        #expect(throws: BlobStoreError.writerClosed(path: writer.stagingPath)) {
            try writer.write(Data([1]))
        }
        #expect(throws: BlobStoreError.writerClosed(path: writer.stagingPath)) {
            _ = try writer.finish()
        }
    }

    @Test("A writer released without finish or abort removes its staging file")
    func releasedWriterCleansUp() throws {
        do {
            let writer = try fixture.store.makeWriter()
            try writer.write(Data(repeating: 1, count: 100_000))
            #expect(try fixture.stagingFiles().count == 1)
        }
        #expect(try fixture.stagingFiles().isEmpty)
    }

    @Test("A finished writer cannot be finished again or aborted into deleting the staged file")
    func finishIsFinal() throws {
        let writer = try fixture.store.makeWriter()
        try writer.write(Data("once".utf8))
        let staged = try writer.finish()

        #expect(throws: BlobStoreError.writerClosed(path: staged.stagingPath)) {
            _ = try writer.finish()
        }
        writer.abort()
        #expect(FileManager.default.fileExists(atPath: staged.stagingPath))
    }
}
