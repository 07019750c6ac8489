import NIOCore

/// The seeded asset library: names, types, tags and metadata drawn from a VFX vocabulary,
/// and the searches run against it. Everything follows from the asset's index, so two runs
/// seed the same library and send the same queries.
struct AssetCorpus: Sendable {
    static let words = [
        "plate", "chair", "oak", "hero", "smoke", "explosion", "matte", "rock", "tree", "cliff",
        "water", "fire", "dust", "debris", "building", "car", "street", "forest", "grass", "cloud",
        "sky", "skin", "metal", "wood", "concrete", "glass", "spark", "crowd", "horse", "dragon",
        "castle", "bridge", "ship", "ocean", "snow", "ice", "lava", "desert", "city", "ruins",
        "tower", "lamp", "table", "door", "window", "helmet", "sword", "shield", "armor", "robot",
    ]
    static let types = ["geometry", "material", "texture", "plate", "light_rig"]
    static let tags = ["approved", "hero", "bg", "fg", "night", "day", "4k", "2k", "fx", "env", "prop", "char", "outdoor", "interior"]
    static let artists = ["ana", "ben", "chen", "dara", "eli", "farah", "goran", "hana"]

    /// Asset `index` goes to project `index % projectIDs.count`; the first project is the one
    /// the list benchmark walks.
    let projectIDs: [String]
    let seed: UInt64

    /// How many of `count` assets land in the first project.
    static func firstProjectShare(of count: Int, projects: Int) -> Int {
        (count + projects - 1) / projects
    }

    func body(for index: Int) -> AssetCreateBody {
        var random = SeededRandom(seed: seed &+ UInt64(index) &* 0x2545_F491_4F6C_DD1D)
        let name = (0..<Int.random(in: 2...3, using: &random)).map { _ in random.pick(Self.words) }.joined(separator: " ")
        let tags = Set((0..<Int.random(in: 1...3, using: &random)).map { _ in random.pick(Self.tags) })
        let frameStart = 1001
        let metadata = AssetCreateBody.Metadata(
            artist: random.pick(Self.artists), shot: "sq\(index % 40)_sh\(index % 200)",
            frameStart: frameStart, frameEnd: frameStart + Int.random(in: 0...240, using: &random),
            resolution: random.pick(["4096x2160", "2048x1080", "1920x1080"]))
        return AssetCreateBody(projectID: projectIDs[index % projectIDs.count], name: "\(name) \(index)",
                               type: random.pick(Self.types),
                               description: "\(random.pick(Self.words)) \(random.pick(Self.words)) for \(metadata.shot)",
                               tags: tags.sorted(), metadata: metadata)
    }

    /// The encoded bodies of assets `0..<count`, made before the timed run so encoding JSON
    /// does not take client CPU from the server on a small machine.
    func encodedBodies(count: Int) throws -> [ByteBuffer] {
        try (0..<count).map { try AtlasClient.encode(body(for: $0)) }
    }

    /// Search paths: a word (a quarter of them cut to a prefix, as typed into a search box) and a type.
    static func searchPaths(count: Int, seed: UInt64) -> [String] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in
            var word = random.pick(words)
            if word.count > 4 && Int.random(in: 0..<4, using: &random) == 0 {
                word = String(word.prefix(Int.random(in: 3..<word.count, using: &random)))
            }
            return "/api/v1/assets?q=\(word)&type=\(random.pick(types))"
        }
    }
}
