import Foundation
import Testing
@testable import ComfyUIStandIn

@Suite("POST /upload/image stores files as the recorded server did (01-upload)")
struct UploadTests {
    @Test("name clashes: the same bytes keep the name, other bytes get 'name (1).ext', overwrite replaces")
    func nameClashes() async throws {
        try await withStandIn { session in
            let plate = Recording.bytes("01-upload/atlas_plate.png")
            var other = plate
            other.removeLast()
            let first = try await session.upload(MultipartForm().file("image", filename: "atlas_plate.png", plate))
            #expect(first.status == 200 && first.json == Recording("01-upload/upload_new").responseBody)
            let same = try await session.upload(MultipartForm().file("image", filename: "atlas_plate.png", plate))
            #expect(same.json == Recording("01-upload/upload_same_name_same_bytes").responseBody)
            let clash = try await session.upload(MultipartForm().file("image", filename: "atlas_plate.png", other))
            #expect(clash.json == Recording("01-upload/upload_same_name_other_bytes").responseBody)
            let overwrite = try await session.upload(MultipartForm().file("image", filename: "atlas_plate.png", other).field("overwrite", "true"))
            #expect(overwrite.json == Recording("01-upload/upload_overwrite_true").responseBody)
            let stored = try Data(contentsOf: session.comfy.folders.input.appendingPathComponent("atlas_plate.png"))
            #expect(stored == other)
        }
    }

    @Test("subfolders are created, types pick the folder, escaping is refused, content is not checked")
    func foldersAndTypes() async throws {
        try await withStandIn { session in
            let plate = Recording.bytes("01-upload/atlas_plate.png")
            let nested = try await session.upload(MultipartForm().file("image", filename: "plate_v001.png", plate)
                .field("subfolder", "atlas/shot010").field("type", "input"))
            #expect(nested.json == Recording("01-upload/upload_subfolder").responseBody)
            #expect(FileManager.default.fileExists(atPath: session.comfy.folders.input.appendingPathComponent("atlas/shot010/plate_v001.png").path))
            let temp = try await session.upload(MultipartForm().file("image", filename: "scratch.png", plate).field("type", "temp"))
            #expect(temp.json == Recording("01-upload/upload_type_temp").responseBody)
            let escape = try await session.upload(MultipartForm().file("image", filename: "evil.png", plate).field("subfolder", "../../escape"))
            #expect(escape.status == 400 && escape.body.isEmpty)
            let missing = try await session.upload(MultipartForm().field("type", "input"))
            #expect(missing.status == 400 && missing.body.isEmpty)
            let text = try await session.upload(MultipartForm().file("image", filename: "not_really.png", Data("this is not a png\n".utf8)))
            #expect(text.json == Recording("01-upload/upload_not_an_image_accepted").responseBody)
        }
    }

    @Test("LoadImage lists the top-level images of the input folder, not those in subfolders")
    func loadImageListing() async throws {
        try await withStandIn { session in
            let plate = Recording.bytes("01-upload/atlas_plate.png")
            for (name, bytes) in [("atlas_plate.png", plate), ("atlas_plate.png", plate.dropLast()), ("not_really.png", Data("x".utf8))] {
                _ = try await session.upload(MultipartForm().file("image", filename: name, Data(bytes)))
            }
            _ = try await session.upload(MultipartForm().file("image", filename: "plate_v001.png", plate).field("subfolder", "atlas/shot010"))
            let recorded = Recording("01-upload/object_info_LoadImage_after_uploads").responseBody
            let listing = try await session.get("/object_info/LoadImage").json
            #expect(listing == recorded)
        }
    }

    @Test("a body over the upload limit is refused with aiohttp's 413")
    func tooLarge() async throws {
        try await withStandIn(StandInOptions(maxUploadSize: 1000)) { session in
            let reply = try await session.upload(MultipartForm().file("image", filename: "huge.png", Data(count: 4000)))
            #expect(reply.status == 413 && reply.text == "Maximum request body size 1000 exceeded.")
            #expect(reply.header("Content-Type") == "text/plain; charset=utf-8")
        }
    }
}
