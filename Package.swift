// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "blacksmith-atlas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "atlas", targets: ["atlas"]),
        .executable(name: "comfyui-standin", targets: ["comfyui-standin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/websocket-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Domain types and rules. Foundation only.
        .target(name: "AtlasCore"),
        // Format detection, header parsers, validation and image sequences. Foundation only.
        .target(name: "AtlasFormats", dependencies: ["AtlasCore"]),
        // ComfyUI client, AI tool manifests and the server pool. HTTP and WebSocket, no Vapor.
        .target(
            name: "AtlasComfyUI",
            dependencies: [
                "AtlasCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "WebSocketKit", package: "websocket-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A ComfyUI stand-in for tests and benchmarks: replays the protocol recorded from a real
        // server (../shared/comfyui) and runs a few image nodes with oiiotool.
        .target(
            name: "ComfyUIStandIn",
            dependencies: [
                "AtlasFormats",
                .product(name: "Vapor", package: "vapor"),
            ],
            exclude: ["README.md"]
        ),
        // The stand-in as a server of its own (browser tests, trying AI tools in the web UI).
        .executableTarget(name: "comfyui-standin", dependencies: ["ComfyUIStandIn", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Content-addressed blob stores. No server code.
        .target(
            name: "AtlasStorage",
            dependencies: [
                "AtlasCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The Vapor application: configuration, database, routes.
        .target(
            name: "AtlasServer",
            dependencies: [
                "AtlasCore",
                "AtlasStorage",
                "AtlasFormats",
                "AtlasComfyUI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The thin executable: parses the command and calls into AtlasServer.
        .executableTarget(
            name: "atlas",
            dependencies: [
                "AtlasServer",
                "AtlasFormats",
                "ComfyUIStandIn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Fixtures, temp folders and test databases: for test targets only.
        .target(
            name: "AtlasTestSupport",
            dependencies: [
                "AtlasServer",
                "ComfyUIStandIn",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "AtlasCoreTests", dependencies: ["AtlasCore"]),
        .testTarget(name: "AtlasStorageTests", dependencies: ["AtlasStorage"]),
        .testTarget(name: "AtlasFormatsTests", dependencies: ["AtlasFormats"]),
        .testTarget(name: "AtlasComfyUITests", dependencies: ["AtlasComfyUI", "ComfyUIStandIn"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ComfyUIStandInTests",
            dependencies: [
                "ComfyUIStandIn",
                "AtlasComfyUI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "WebSocketKit", package: "websocket-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            // Trimmed copies of the ComfyUI v0.12.1 recordings the stand-in is checked against.
            resources: [.copy("Recordings")]
        ),
        .testTarget(
            name: "AtlasServerTests",
            dependencies: [
                "AtlasServer",
                "AtlasTestSupport",
                "AtlasComfyUI",
                "ComfyUIStandIn",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Web/__Snapshots__"]
        ),
    ]
)
