#!/usr/bin/env bash
# Times CSVReader in a release build on a generated file of ROWS (default
# 1,000,000) twelve-column rows: read from the path in 1 MiB chunks, and from
# Data already in memory. Prints the median and the best of RUNS (default 5):
# machines here are shared, so the best is the steadier figure.
#
# The package's executable does not read CSV yet, so the benchmark is a small
# package of its own in .build-bench-csv/, compiling Core's sources as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

work=.build-bench-csv
mkdir -p "$work/Sources/bench"
ln -sfn "$PWD/Sources/AdvocacyCore" "$work/Sources/AdvocacyCore"
cat >"$work/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bench-csv",
    platforms: [.macOS(.v13)],
    targets: [.target(name: "AdvocacyCore"), .executableTarget(name: "bench", dependencies: ["AdvocacyCore"])]
)
SWIFT
cat >"$work/Sources/bench/main.swift" <<'SWIFT'
import AdvocacyCore
import Foundation

let arguments = CommandLine.arguments
let rows = Int(arguments[1]) ?? 1_000_000, runs = Int(arguments[2]) ?? 5, path = arguments[3]
let header = "id,email,url,kind,title,date,projects,likes,comments,shares,reach,effort\n"
let row = "42,jane.doe@example.com,https://x.com/jane/status/123456,post,Retour d'expérience,2026-09-30,ERP-2027|CRM,12,3,1,1500,7\n"
let size = header.utf8.count + rows * row.utf8.count
if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) != size {
    FileManager.default.createFile(atPath: path, contents: Data(header.utf8))
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try file.seekToEnd()
    let block = Data(String(repeating: row, count: 10_000).utf8)
    for _ in 0..<rows / 10_000 { try file.write(contentsOf: block) }
    try file.write(contentsOf: Data(String(repeating: row, count: rows % 10_000).utf8))
    try file.close()
}

func time(_ name: String, _ read: () throws -> Int) throws {
    var seconds: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let count = try read()
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        precondition(count == rows + 1, "read \(count) records")
    }
    seconds.sort()
    let median = seconds[seconds.count / 2], best = seconds[0]
    func rate(_ s: Double) -> String { String(format: "%.2fM rows/s, %.0f MB/s", Double(rows) / s / 1e6, Double(size) / s / 1e6) }
    print("\(name): median \(String(format: "%.3f", median)) s (\(rate(median))), best \(String(format: "%.3f", best)) s (\(rate(best)))")
}

print("\(rows) rows, \(size / 1_000_000) MB, \(runs) runs")
try time("CSVReader(path:) next()") {
    var reader = try CSVReader(path: path)
    var count = 0
    while try reader.next() != nil { count += 1 }
    return count
}
let data = try Data(contentsOf: URL(fileURLWithPath: path))
try time("CSVReader(data:) next()") {
    var reader = CSVReader(data: data)
    var count = 0
    while try reader.next() != nil { count += 1 }
    return count
}
SWIFT
swift build -c release --package-path "$work" >/dev/null
"$work/.build/release/bench" "${ROWS:-1000000}" "${RUNS:-5}" "$work/rows.csv"
