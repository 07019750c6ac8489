import AtlasCore
import AtlasStorage
import Foundation
import Testing

@Suite("Local blob store")
struct LocalBlobStoreTests {
    let fixture: StoreFixture
    var store: LocalBlobStore { fixture.store }

    init() throws {
        fixture = try StoreFixture()
    }

    // MARK: Writing and reading

    @Test("A committed blob is found under the known SHA-256 of its bytes")
    func knownHashOfABC() throws {
        let staged = try fixture.stage(Data("abc".utf8))
        let abc = try #require(
            ContentHash(hex: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        #expect(staged.hash == abc)

        #expect(try store.commit(staged))

        #expect(store.contains(abc))
        #expect(store.size(of: abc) == 3)
        let path = try #require(store.filePath(for: abc))
        #expect(FileManager.default.contents(atPath: path) == Data("abc".utf8))
    }

    @Test("A committed blob's hash, size and contents match the bytes written")
    func roundTrip() throws {
        let data = pseudoRandomData(count: 200_000)
        let hash = try fixture.put(data)

        #expect(hash == oneShotHash(data))
        #expect(store.size(of: hash) == Int64(data.count))
        let path = try #require(store.filePath(for: hash))
        #expect(FileManager.default.contents(atPath: path) == data)
        #expect(try fixture.stagingFiles().isEmpty)
    }

    @Test("A stored blob is a read-only file at sha256/<first pair>/<second pair>/<hash>")
    func layoutAndPermissions() throws {
        let hash = try fixture.put(Data("layout".utf8))
        let expected = "\(store.root)/sha256/\(hash.hex.prefix(2))/\(hash.hex.dropFirst(2).prefix(2))/\(hash.hex)"

        #expect(store.filePath(for: hash) == expected)
        let attributes = try FileManager.default.attributesOfItem(atPath: expected)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o444)
    }

    @Test("An absent blob is not contained and has no size or file path")
    func absentBlob() throws {
        let hash = oneShotHash(Data("never stored".utf8))
        #expect(!store.contains(hash))
        #expect(store.size(of: hash) == nil)
        #expect(store.filePath(for: hash) == nil)
    }

    // MARK: Deduplication and concurrency

    @Test("Identical content committed twice is stored once and the second commit empties staging")
    func duplicateCommit() throws {
        let first = try fixture.stage(Data("same".utf8))
        let second = try fixture.stage(Data("same".utf8))
        #expect(first.hash == second.hash)

        #expect(try store.commit(first))
        #expect(try store.commit(second) == false)

        #expect(try store.allHashes() == [first.hash])
        #expect(try fixture.stagingFiles().isEmpty)
        #expect(try store.verify(first.hash) == .intact)
    }

    @Test("Writers of the same content committing concurrently all succeed and exactly one stores it")
    func concurrentCommits() async throws {
        let data = pseudoRandomData(count: 300_000)
        let staged = try (0..<8).map { _ in try fixture.stage(data) }
        let store = self.store

        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for blob in staged {
                group.addTask { try store.commit(blob) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        #expect(results.count == 8)
        #expect(results.filter { $0 }.count == 1)
        #expect(try store.allHashes() == [oneShotHash(data)])
        #expect(try store.verify(oneShotHash(data)) == .intact)
        #expect(try fixture.stagingFiles().isEmpty)
    }

    @Test("Without hard links, commit renames into place and identical content is still stored once")
    func renameFallbackDuplicates() throws {
        let fallback = try StoreFixture(publishesByLink: false)
        let first = try fallback.stage(Data("renamed".utf8))
        let second = try fallback.stage(Data("renamed".utf8))

        #expect(try fallback.store.commit(first))
        #expect(try fallback.store.commit(second) == false)

        #expect(try fallback.store.allHashes() == [first.hash])
        #expect(try fallback.store.verify(first.hash) == .intact)
        #expect(try fallback.stagingFiles().isEmpty)
        let path = try #require(fallback.store.filePath(for: first.hash))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o444)
    }

    @Test("Without hard links, concurrent commits of the same content all succeed")
    func renameFallbackConcurrentCommits() async throws {
        let fallback = try StoreFixture(publishesByLink: false)
        let data = pseudoRandomData(count: 300_000)
        let staged = try (0..<8).map { _ in try fallback.stage(data) }
        let store = fallback.store

        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for blob in staged {
                group.addTask { try store.commit(blob) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        // Racing renames may each report storing the blob; what matters is that none fails.
        #expect(results.count == 8)
        #expect(results.contains(true))
        #expect(try store.verify(oneShotHash(data)) == .intact)
        #expect(try fallback.stagingFiles().isEmpty)
    }

    @Test("discard removes a staged file without storing it")
    func discardRemovesStagedFile() throws {
        let staged = try fixture.stage(Data("unwanted".utf8))
        store.discard(staged)

        #expect(try fixture.stagingFiles().isEmpty)
        #expect(!store.contains(staged.hash))
    }

    @Test("A store refuses to commit or discard a blob staged by another store")
    func foreignStagedBlob() throws {
        let other = try StoreFixture()
        let staged = try other.stage(Data("elsewhere".utf8))

        #expect(throws: BlobStoreError.notStagedHere(path: staged.stagingPath)) {
            try store.commit(staged)
        }
        store.discard(staged)
        #expect(FileManager.default.fileExists(atPath: staged.stagingPath))
        #expect(!store.contains(staged.hash))
    }

    // MARK: Verification

    @Test("verify reports an untouched blob as intact")
    func verifyIntact() throws {
        let hash = try fixture.put(pseudoRandomData(count: 3 * 1024 * 1024))
        #expect(try store.verify(hash) == .intact)
    }

    @Test("verify reports a blob that was never stored as missing")
    func verifyMissing() throws {
        #expect(try store.verify(oneShotHash(Data("absent".utf8))) == .missing)
    }

    @Test("verify reports a blob damaged on disk as corrupt, with the hash of its actual bytes")
    func verifyCorrupt() throws {
        var data = Data("the quick brown fox".utf8)
        let hash = try fixture.put(data)
        let path = try #require(store.filePath(for: hash))

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 4)
        try handle.write(contentsOf: Data("Q".utf8))
        try handle.close()
        data[4] = UInt8(ascii: "Q")

        #expect(try store.verify(hash) == .corrupt(actual: oneShotHash(data)))
    }

    // MARK: Listing

    @Test("allHashes lists exactly the committed blobs and ignores staging and stray files")
    func allHashesIgnoresStrays() throws {
        let committed = try ["one", "two", "three"].map { try fixture.put(Data($0.utf8)) }
        let writer = try store.makeWriter()  // an in-flight staging file
        try writer.write(Data("in flight".utf8))
        _ = try fixture.stage(Data("staged, not committed".utf8))

        let manager = FileManager.default
        let sample = committed[0].hex
        let leaf = "\(store.root)/sha256/\(sample.prefix(2))/\(sample.dropFirst(2).prefix(2))"
        try writeFile("\(store.root)/sha256/README", Data("x".utf8))
        try writeFile("\(leaf)/.DS_Store", Data())
        try writeFile("\(leaf)/\(sample).part", Data())
        try writeFile("\(leaf)/\(sample.uppercased())", Data())
        try manager.createDirectory(atPath: "\(store.root)/sha256/zz/qq", withIntermediateDirectories: true)
        let misplaced = oneShotHash(Data("misplaced".utf8)).hex
        try writeFile("\(leaf)/\(misplaced)", Data())

        #expect(try store.allHashes() == committed.sorted())
    }

    @Test("allHashes of an empty store is empty")
    func allHashesEmpty() throws {
        #expect(try store.allHashes().isEmpty)
    }

    // MARK: Sweeping staging

    @Test("sweepStaging removes staging files older than the age and keeps fresh ones")
    func sweepOldStaging() throws {
        let manager = FileManager.default
        let old = fixture.stagingDirectory + "/old.part"
        let fresh = fixture.stagingDirectory + "/fresh.part"
        try writeFile(old, Data("left by a crash".utf8))
        try writeFile(fresh, Data("being written".utf8))
        try manager.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)

        #expect(try store.sweepStaging(olderThan: 3600) == 1)

        #expect(try fixture.stagingFiles() == ["fresh.part"])
    }

    @Test("sweepStaging at start-up does not disturb a writer that is still in flight")
    func sweepSparesInFlightWriter() throws {
        let writer = try store.makeWriter()
        try writer.write(Data("partial".utf8))

        #expect(try store.sweepStaging(olderThan: 60) == 0)

        try writer.write(Data(" and the rest".utf8))
        let staged = try writer.finish()
        #expect(try store.commit(staged))
        #expect(try store.verify(staged.hash) == .intact)
    }

    // MARK: Deleting

    @Test("delete removes a stored blob and deleting an absent blob is not an error")
    func deleteBlob() throws {
        let kept = try fixture.put(Data("kept".utf8))
        let doomed = try fixture.put(Data("doomed".utf8))

        try store.delete(doomed)

        #expect(!store.contains(doomed))
        #expect(try store.verify(doomed) == .missing)
        #expect(try store.allHashes() == [kept])
        try store.delete(doomed)
        try store.delete(oneShotHash(Data("never stored".utf8)))
    }

    @Test("Content deleted and uploaded again is stored anew")
    func recommitAfterDelete() throws {
        let hash = try fixture.put(Data("phoenix".utf8))
        try store.delete(hash)

        #expect(try store.commit(fixture.stage(Data("phoenix".utf8))))
        #expect(try store.verify(hash) == .intact)
    }
}
