import ArgumentParser
import AtlasServer

/// `atlas`: the server and its tools in one binary.
@main
struct Atlas: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atlas",
        abstract: "Blacksmith Atlas: asset library and AI tools for VFX studios.",
        version: AtlasVersion.current,
        subcommands: [Serve.self, Worker.self, Migrate.self, UserCommand.self, Fsck.self, Purge.self, Inspect.self, Ingest.self, Bench.self],
        defaultSubcommand: Serve.self)
}
