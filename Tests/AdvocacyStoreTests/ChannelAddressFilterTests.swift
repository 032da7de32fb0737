import AdvocacyCore
import GRDB
import Testing

@testable import AdvocacyStore

/// The import's in-memory filter before the owner query: a "no" must be
/// certain, or a colleague's post would slip through unasked.
@Suite("ChannelAddressFilter")
struct ChannelAddressFilterTests {
    @Test func answersYesForEveryAddressOnOrNamingAChannelAndNoElsewhere() throws {
        let queue = try DatabaseQueue()
        var filter = try queue.write { db in
            try db.execute(sql: "CREATE TABLE channel (url TEXT)")
            try db.execute(sql: "INSERT INTO channel (url) VALUES ('https://x.com/paul'), ('http://paul.example.org/blog')")
            return try ChannelAddressFilter(db)
        }
        func url(_ text: String) throws -> CanonicalURL { try CanonicalURL(text) }
        for owned in [
            "https://x.com/paul", "https://x.com/paul/status/1", "http://x.com/paul/status/1?s=20",
            "https://paul.example.org/blog/2026/kafka",
        ] {
            #expect(filter.mayBeOwned(try url(owned), named: nil), "\(owned)")
        }
        #expect(
            filter.mayBeOwned(try url("https://linkedin.com/feed/update/urn:li:activity:1"), named: try url("https://x.com/paul"))
        )
        for free in ["https://x.com/jane/status/1", "https://paul.example.org/about", "https://x.com/paulo", "https://x.com"] {
            #expect(!filter.mayBeOwned(try url(free), named: nil), "\(free)")
        }
        filter.insert(try url("https://dev.to/jane"))
        #expect(filter.mayBeOwned(try url("https://dev.to/jane/kafka-101"), named: nil))
    }
}
