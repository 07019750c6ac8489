import AtlasServer
import Testing

@Suite("Configuration")
struct ConfigurationTests {
    @Test("with nothing set Atlas runs embedded: SQLite and blobs under ./atlas-data on 127.0.0.1:8000")
    func defaults() throws {
        let configuration = try AtlasConfiguration.load(environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8000)
        #expect(configuration.database == .sqlite(path: "./atlas-data/atlas.sqlite"))
        #expect(configuration.blobDirectory == "./atlas-data/blobs")
        #expect(configuration.autoMigrate)
    }

    @Test("the environment configures, and the command line overrides the environment")
    func precedence() throws {
        let configuration = try AtlasConfiguration.load(
            environment: ["ATLAS_PORT": "9000", "ATLAS_DATA_DIR": "/srv/atlas", "ATLAS_HOST": "0.0.0.0"],
            overrides: ["ATLAS_PORT": "9100"])
        #expect(configuration.port == 9100)
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.database == .sqlite(path: "/srv/atlas/atlas.sqlite"))
    }

    @Test("a PostgreSQL URL switches the database and leaves migrating to `atlas migrate`")
    func postgres() throws {
        let configuration = try AtlasConfiguration.load(environment: ["DATABASE_URL": "postgres://atlas@db:5432/atlas"])
        #expect(configuration.database == .postgres(url: "postgres://atlas@db:5432/atlas"))
        #expect(!configuration.autoMigrate)
    }

    @Test("every invalid value is reported at once")
    func invalidValues() {
        #expect {
            try AtlasConfiguration.load(environment: [
                "ATLAS_PORT": "eighty", "ATLAS_MAX_UPLOAD_BYTES": "-1", "DATABASE_URL": "mysql://x",
                "ATLAS_LOG_LEVEL": "loud", "ATLAS_LOG_FORMAT": "xml", "ATLAS_AUTO_MIGRATE": "maybe",
            ])
        } throws: { error in
            (error as? ConfigurationError)?.problems.count == 6
        }
    }
}
