// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "advocacy",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "advocacy", targets: ["advocacy"]),
        .library(name: "AdvocacyCore", targets: ["AdvocacyCore"]),
        .library(name: "AdvocacyStore", targets: ["AdvocacyStore"]),
        .library(name: "AdvocacyReport", targets: ["AdvocacyReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(name: "AdvocacyCore"),
        .target(
            name: "AdvocacyStore",
            dependencies: [
                "AdvocacyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C API, for the one loop that reads a million rows (ranking).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The CIO's report: its own SVG builder and the HTML, Markdown and text pages.
        .target(name: "AdvocacyReport", dependencies: ["AdvocacyCore", "AdvocacyStore"]),
        .target(
            name: "AdvocacyCLI",
            dependencies: [
                "AdvocacyCore",
                "AdvocacyStore",
                "AdvocacyReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .executableTarget(name: "advocacy", dependencies: ["AdvocacyCLI"]),
        .testTarget(name: "AdvocacyCoreTests", dependencies: ["AdvocacyCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AdvocacyStoreTests", dependencies: ["AdvocacyStore"]),
        .testTarget(name: "AdvocacyReportTests", dependencies: ["AdvocacyReport", "AdvocacyStore"]),
        .testTarget(
            name: "AdvocacyCLITests",
            dependencies: ["AdvocacyCLI", "AdvocacyStore", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]),
    ]
)
