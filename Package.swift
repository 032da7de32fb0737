// swift-tools-version:6.2
import PackageDescription

/// Every target of ours builds with warnings as errors, in every build, so that
/// scripts/test.sh and a developer's build share one set of flags (nothing is built twice).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "advocacy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "advocacy", targets: ["advocacy"]),
        .executable(name: "advocacy-server", targets: ["advocacy-server"]),
        .library(name: "AdvocacyCore", targets: ["AdvocacyCore"]),
        .library(name: "AdvocacyStore", targets: ["AdvocacyStore"]),
        .library(name: "AdvocacyKit", targets: ["AdvocacyKit"]),
        .library(name: "AdvocacyReport", targets: ["AdvocacyReport"]),
        .library(name: "AdvocacyPresentation", targets: ["AdvocacyPresentation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The server only (its own targets, so the CLI neither links nor rebuilds them).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Core's one import beyond Foundation is Foundation's own ICU (_FoundationICU), for Unicode's
        // look-alike rules (UTS #39); a Clang module without a link directive, so it is named here.
        .target(
            name: "AdvocacyCore", swiftSettings: strict,
            linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),
        .target(
            name: "AdvocacyStore",
            dependencies: [
                "AdvocacyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the one loop that reads a million rows (ranking).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // Every use case, for every front end: the one way the CLI (and the server) reach the database.
        // ZIPFoundation opens the archives people download (LinkedIn's data export, an XLSX workbook).
        .target(
            name: "AdvocacyKit",
            dependencies: ["AdvocacyCore", "AdvocacyStore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strict),
        // The CIO's report: its own SVG builder and the HTML, Markdown and text pages, from Core's read models.
        .target(name: "AdvocacyReport", dependencies: ["AdvocacyCore"], swiftSettings: strict),
        // What rank, explain and the reward outputs say and the JSON they write, and the policy read from
        // TOML or JSON text, shared by the CLI and the server so both print the same words and bytes and
        // check a policy alike; front ends never depend on each other.
        .target(
            name: "AdvocacyPresentation",
            dependencies: ["AdvocacyCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        .target(
            name: "AdvocacyCLI",
            dependencies: [
                "AdvocacyCore",
                "AdvocacyKit",
                "AdvocacyPresentation",
                "AdvocacyReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "advocacy", dependencies: ["AdvocacyCLI"], swiftSettings: strict),
        // `advocacy serve`: the pages and the JSON API on Hummingbird, signed in by the company's proxy or an OIDC token.
        .target(
            name: "AdvocacyServer",
            dependencies: [
                "AdvocacyCore",
                "AdvocacyKit",
                "AdvocacyPresentation",
                "AdvocacyReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                // The thread pool that runs the database's blocking calls off the event loops.
                .product(name: "NIOPosix", package: "swift-nio"),
                // HMAC for the forms' anti-forgery tokens.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "advocacy-server",
            dependencies: ["AdvocacyServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict),
        // Helpers every test target shares: fixture values, a fixed clock, temporary folders, a local HTTP server, the .slow tag.
        .target(
            name: "AdvocacyTestSupport", dependencies: ["AdvocacyCore"], path: "Tests/AdvocacyTestSupport", swiftSettings: strict),
        // A small programme on a fixed clock, for the Store's and the use cases' tests, and a dump of a database file.
        .target(
            name: "AdvocacyFixtures",
            dependencies: [
                "AdvocacyCore", "AdvocacyKit", "AdvocacyStore", "AdvocacyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/AdvocacyFixtures", swiftSettings: strict),
        .testTarget(
            name: "AdvocacyCoreTests", dependencies: ["AdvocacyCore", "AdvocacyTestSupport"], resources: [.copy("Fixtures")],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocacyStoreTests",
            dependencies: ["AdvocacyStore", "AdvocacyKit", "AdvocacyFixtures", "AdvocacyTestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "AdvocacyReportTests", dependencies: ["AdvocacyReport", "AdvocacyKit", "AdvocacyTestSupport"],
            swiftSettings: strict),
        // What the server shares with the CLI and the CLI's tests do not reach (the CLI tests cover the rest).
        .testTarget(name: "AdvocacyPresentationTests", dependencies: ["AdvocacyPresentation"], swiftSettings: strict),
        .testTarget(
            name: "AdvocacyKitTests", dependencies: ["AdvocacyKit", "AdvocacyStore", "AdvocacyFixtures", "AdvocacyTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "AdvocacyCLITests",
            dependencies: [
                "AdvocacyCLI", "AdvocacyPresentation", "AdvocacyStore", "AdvocacyFixtures", "AdvocacyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "AdvocacyServerTests",
            dependencies: [
                "AdvocacyServer", "AdvocacyKit", "AdvocacyFixtures", "AdvocacyTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                // RSA keys made for the token tests, and a token forged with HMAC.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
    ]
)
