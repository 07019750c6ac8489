import Foundation
import Testing
@testable import AtlasFormats

/// A bounded mutation property test: valid files made by the real tools, damaged in seeded random ways,
/// must each give a report quickly, never a crash, hang or unbounded allocation.
@Suite("Damaged files never crash or hang the parsers")
struct MutationTests {
    static let seed: UInt64 = 20_261_125
    /// 400 per fixture (5,600 in all) by default; ATLAS_MUTATION_CASES raises it for a longer local hunt.
    static let casesPerFixture = ProcessInfo.processInfo.environment["ATLAS_MUTATION_CASES"].flatMap { Int($0) } ?? 400
    /// Generous for a debug build on a slow machine; a real hang takes forever, not a second.
    static let timeLimit = Duration.seconds(2)

    /// Valid fixtures of every natively parsed format.
    static func fixtures() throws -> [(String, [UInt8])] {
        let folder = try FixtureFolder()
        var result: [(String, [UInt8])] = []
        func make(_ arguments: [String], _ name: String) throws {
            result.append((name, try folder.oiiotool(arguments, output: name)))
        }
        try make(["--pattern", "noise", "32x24", "4", "-d", "half", "--compression", "zip"], "scanline.exr")
        try make(["--pattern", "noise", "40x20", "3", "-d", "float", "--compression", "piz", "--tile", "16", "16"], "tiled.exr")
        try ExternalTool.oiiotool.run(["--pattern", "noise", "33x17", "3", "-d", "half", "-otex", folder.path("mip.exr")])
        result.append(("mip.exr", try folder.bytes("mip.exr")))
        try EXRFixtures.multipart(in: folder)
        result.append(("multi.exr", try folder.bytes("multi.exr")))
        try EXRFixtures.deep(in: folder)
        result.append(("deep.exr", try folder.bytes("deep.exr")))
        try make(["--pattern", "noise", "24x16", "4", "-d", "uint16"], "a.png")
        try make(["--pattern", "noise", "24x16", "3", "-d", "uint8"], "a.jpg")
        try make(["--pattern", "noise", "24x16", "3", "-d", "uint8", "--attrib", "jpeg:progressive", "1"], "p.jpg")
        try make(["--pattern", "noise", "24x16", "3", "-d", "float", "--compression", "lzw"], "a.tif")
        try make(["--pattern", "noise", "24x16", "3", "-d", "uint8", "--tile", "16", "16"], "t.tif")
        result.append(("be.tif", TIFFBuilder(bigEndian: true, bigTIFF: false).image(width: 6, height: 5, samples: 3, bits: 16)))
        result.append(("big.tif", TIFFBuilder(bigEndian: false, bigTIFF: true).image(width: 6, height: 5, samples: 1, bits: 8)))
        try make(["--pattern", "noise", "24x16", "3"], "a.hdr")
        return result
    }

    /// One seeded mutation: flipped bytes, a truncation, an inflated 32- or 64-bit field, or a deleted or duplicated run.
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var out = bytes
        guard !out.isEmpty else { return out }
        switch random.next() % 5 {
        case 0:
            for _ in 0..<(1 + Int(random.next() % 8)) {
                out[Int(random.next() % UInt64(out.count))] ^= UInt8(1 << (random.next() % 8))
            }
        case 1:
            out = Array(out.prefix(Int(random.next() % UInt64(out.count))))
        case 2, 3:
            // Inflate a length-like field; most header fields sit in the first few hundred bytes.
            let span = min(out.count, random.next() % 2 == 0 ? 512 : out.count)
            let position = Int(random.next() % UInt64(span))
            let values: [UInt64] = [0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, UInt64(out.count + 1), 0xFFFF, 0, 1 << 40, .max]
            let value = values[Int(random.next() % UInt64(values.count))]
            let width = random.next() % 2 == 0 ? 4 : 8
            for index in 0..<width where position + index < out.count {
                out[position + index] = UInt8(truncatingIfNeeded: value >> UInt64(8 * index))
            }
        default:
            let start = Int(random.next() % UInt64(out.count))
            let length = min(out.count - start, 1 + Int(random.next() % 64))
            if random.next() % 2 == 0 {
                out.removeSubrange(start..<start + length)
            } else {
                out.insert(contentsOf: out[start..<start + length], at: start)
            }
        }
        return out
    }

    @Test("Thousands of seeded mutations of valid EXR, PNG, JPEG, TIFF and HDR files each finish fast with a report")
    func mutations() async throws {
        let fixtures = try Self.fixtures()
        let (cases, flagged) = await Self.offThePool { Self.hunt(fixtures, seed: Self.seed) }
        print("mutation test: \(flagged) of \(cases) mutated files flagged (seed \(Self.seed))")
        #expect(cases >= 5000)
        // Most mutations should be noticed; flips inside pixel data legitimately are not.
        #expect(flagged > cases / 4, "\(flagged) of \(cases) mutations flagged")
    }

    /// Binary and ASCII FBX exported by assimp, and a MaterialX library written by MaterialX.
    static func sceneFixtures() throws -> [(String, [UInt8])] {
        let folder = try FixtureFolder()
        try GeometryTests().scene(in: folder)
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("binary.fbx")])
        try ExternalTool.assimp.run(["export", folder.path("scene.obj"), folder.path("ascii.fbx"), "-ffbxa"])
        try ExternalTool.python(MaterialXFixtures.chair, in: folder.url)
        return try ["binary.fbx", "ascii.fbx", "chair.mtlx", "shared/common.mtlx"].map { ($0, try folder.bytes($0)) }
    }

    @Test("Seeded mutations and every truncation of FBX (binary and ASCII) and MaterialX files each finish fast with a report")
    func sceneMutations() async throws {
        let fixtures = try Self.sceneFixtures()
        let (cases, flagged) = await Self.offThePool { Self.hunt(fixtures, seed: Self.seed + 1) }
        print("mutation test: \(flagged) of \(cases) mutated FBX and MaterialX files flagged (seed \(Self.seed + 1))")
        #expect(cases >= 1600)
        #expect(flagged > cases / 4, "\(flagged) of \(cases) mutations flagged")
        // Cut anywhere after its magic, an FBX or a MaterialX document is reported, never read as whole.
        let inspector = FormatInspector()
        for (name, bytes) in fixtures {
            for length in stride(from: 32, to: bytes.count, by: max(1, bytes.count / 300))
                where !bytes[length...].allSatisfy({ [0x0A, 0x0D, 0x20, 0x09].contains($0) }) {  // a lost final newline is no damage
                let report = inspector.inspect(Array(bytes.prefix(length)), fileName: name)
                #expect(!report.issues.isEmpty, "\(name) cut at \(length)")
            }
        }
    }

    /// Runs `work` on a thread of its own: seconds of parsing on the cooperative pool (two threads on
    /// a two-core machine) would hold up the timeouts of tests running beside it.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    /// Runs `casesPerFixture` seeded mutations of each fixture, each within `timeLimit`; returns how many ran and how many were flagged.
    static func hunt(_ fixtures: [(String, [UInt8])], seed: UInt64) -> (cases: Int, flagged: Int) {
        let inspector = FormatInspector()
        let clock = ContinuousClock()
        var random = SplitMix64(seed: seed)
        var cases = 0, flagged = 0
        for (name, bytes) in fixtures {
            #expect(inspector.inspect(bytes, fileName: name).issues == [], "the unmutated \(name) is clean")
            for index in 0..<casesPerFixture {
                let mutated = mutate(bytes, &random)
                var report: FormatReport?
                let elapsed = clock.measure { report = inspector.inspect(mutated, fileName: name) }
                #expect(elapsed < timeLimit, "\(name) case \(index) (seed \(seed)) took \(elapsed)")
                if report?.issues.isEmpty == false { flagged += 1 }
                cases += 1
            }
        }
        return (cases, flagged)
    }

    @Test("Tight limits turn large declarations into limit issues instead of work")
    func tightLimits() throws {
        let folder = try FixtureFolder()
        let bytes = try folder.oiiotool(["--pattern", "noise", "64x64", "3", "-d", "half"], output: "a.exr")
        let tight = FormatInspector(limits: FormatLimits(maxDimension: 32, maxAttributes: 4))
        let report = tight.inspect(bytes, fileName: "a.exr")
        #expect(report.issues.map(\.code) == [.limitExceeded], "\(report.issues)")
        let sized = FormatInspector(limits: FormatLimits(maxDimension: 32)).inspect(bytes, fileName: "a.exr")
        #expect(sized.issues.map(\.code) == [.imageTooLarge])
    }
}
