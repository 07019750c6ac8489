import ArgumentParser
import AtlasServer
import Foundation

/// `atlas user`: accounts from the shell, e.g. the first administrator of a server set up by a script.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create accounts and API keys from the shell.",
        subcommands: [CreateUser.self, CreateAPIKey.self])
}

struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account (the password is read from standard input or asked for).",
        discussion: "With --api-key NAME, only the new key is printed on standard output, for scripts.")

    @OptionGroup var options: ServerOptions

    @Option(help: "The name to sign in with.")
    var username: String

    @Option(help: "administrator, producer, artist or client.")
    var role: String

    @Option(name: .customLong("display-name"), help: "The name shown to people (default: the username).")
    var displayName: String?

    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordFromStandardInput = false

    @Option(name: .customLong("api-key"), help: "Also create a personal API key with this name and print it.")
    var apiKeyName: String?

    func run() async throws {
        let password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput)
        let result = try await AccountCommands.createUser(try options.load(), username: username, password: password, role: role,
                                                         displayName: displayName, apiKeyName: apiKeyName)
        if let key = result.apiKey {
            FileHandle.standardError.write(Data("created \(result.role) \(result.username) (\(result.userID)) and API key \(apiKeyName ?? "")\n".utf8))
            print(key)
        } else {
            print("created \(result.role) \(result.username) (\(result.userID))")
        }
    }
}

struct CreateAPIKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-key", abstract: "Create a personal API key for an account and print it (shown once).")

    @OptionGroup var options: ServerOptions

    @Option(help: "The account.")
    var username: String

    @Option(help: "What the key is for, e.g. 'nuke panel' or 'farm'.")
    var name: String

    @Option(name: .customLong("expires-in-days"), help: "Days until the key stops working (default: never).")
    var expiresInDays: Int?

    func run() async throws {
        let result = try await AccountCommands.createAPIKey(try options.load(), username: username, name: name, expiresInDays: expiresInDays)
        print(result.apiKey ?? "")
    }
}

/// Reading a password without echoing it or putting it on the command line (where `ps` shows it).
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("--password-stdin: no password on standard input")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1, let typed = getpass("Password: ") else {
            throw ValidationError("no terminal to ask for the password; pipe it in with --password-stdin")
        }
        return String(cString: typed)
    }
}
