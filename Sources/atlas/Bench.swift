import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run benchmarks and print their figures.")

    func run() async throws {
        print("benchmarks: not yet built")
    }
}
