import ArgumentParser
import AtlasServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the server (migrates the embedded SQLite database on start).")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        try await AtlasRuntime.serve(try options.load())
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations.")

    @OptionGroup var options: ServerOptions

    func run() async throws {
        try await AtlasRuntime.migrate(try options.load())
        print("migrations applied")
    }
}
