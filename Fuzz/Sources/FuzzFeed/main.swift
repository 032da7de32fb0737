import AdvocacyCore
import Foundation
import FuzzSupport

/// The entry point SwiftPM links the executable by: libFuzzer's driver.
@_cdecl("FuzzFeed_main")
public func start(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}

/// Any bytes, read as a feed and each entry made into an import record and
/// a draft: a feed or a clear error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let feed = try? FeedParser.parse(Data(bytes: start, count: count)) else { return 0 }
    let author = try? EmailAddress("jane@corp.fr")
    let today = LocalDate(year: 2026, month: 11, day: 21)
    for entry in feed.entries {
        let record = FeedImport.record(entry, base: URL(string: "https://blog.example.org/feed"))
        if let author, let today { _ = try? FeedImport.draft(record, author: author, projects: [], today: today) }
    }
    return 0
}
