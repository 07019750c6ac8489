import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor

@Suite("Concurrent writes")
struct ConcurrentWriteTests {
    @Test("many writers at once: every good write lands, each bad one fails alone", arguments: TestDatabase.available)
    func mixedGroup(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let client = t.client
            let statuses = await withTaskGroup(of: (String, UInt).self) { group in
                for index in 0..<40 {
                    group.addTask {
                        let response = try? await client.send(.POST, "/api/v1/projects", json: ["name": .string("Show \(index)")])
                        return ("distinct", response?.status.code ?? 0)
                    }
                }
                for _ in 0..<10 {
                    group.addTask {
                        let response = try? await client.send(.POST, "/api/v1/projects", json: ["name": "Clash", "code": "DUP"])
                        return ("same code", response?.status.code ?? 0)
                    }
                }
                return await group.reduce(into: [String: [UInt]]()) { $0[$1.0, default: []].append($1.1) }
            }
            #expect(statuses["distinct"]?.allSatisfy { $0 == 201 } == true)
            #expect(statuses["same code"]?.filter { $0 == 201 }.count == 1)
            #expect(statuses["same code"]?.filter { $0 == 409 }.count == 9)
            let listed = try await client.get("/api/v1/projects?limit=100").json["items"]?.array.count
            #expect(listed == 41)
        }
    }

    @Test("versions added at the same time get consecutive numbers, none lost", arguments: TestDatabase.available)
    func concurrentVersions(database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let client = t.client
            let project = try await client.createProject()
            let asset = try #require(try await client.createAsset(project: project, name: "Busy")["id"]?.string)
            let numbers = await withTaskGroup(of: Int?.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try? await client.addVersion(asset: asset, files: [("v.exr", Fixtures.bytes(64, seed: UInt64(index + 10)))])["number"]?.int
                    }
                }
                return await group.reduce(into: [Int]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(numbers.sorted() == Array(2...21))
            #expect(try await client.get("/api/v1/assets/\(asset)").json["latest_version"]?.int == 21)
        }
    }
}
