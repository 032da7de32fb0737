// swift-tools-version:6.2
import PackageDescription

/// libFuzzer targets for the parsers that read files made elsewhere: one
/// executable per parser, each linking only AdvocacyCore. Built by
/// scripts/soak.sh with `-Xswiftc -sanitize=fuzzer,address` (so that Core is
/// instrumented too) in
/// its own build folder, never by the main build: without libFuzzer's
/// `main` they would not link.
let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "advocacy-fuzz",
    dependencies: [.package(name: "advocacy", path: "..")],
    targets: [.target(name: "FuzzSupport")]
        + ["FuzzCSV", "FuzzFeed", "FuzzWorkbook", "FuzzURL"].map { name in
            .executableTarget(
                name: name, dependencies: ["FuzzSupport", .product(name: "AdvocacyCore", package: "advocacy")],
                swiftSettings: fuzzer)
        }
)
