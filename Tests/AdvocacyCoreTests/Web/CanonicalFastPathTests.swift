import Foundation
import Testing

@testable import AdvocacyCore

/// The byte check that skips URLComponents must only ever say yes to text
/// the full parser leaves exactly as it is.
@Suite("Canonical URL fast path")
struct CanonicalFastPathTests {
    @Test(arguments: [
        "https://blog.jane.dev/refonte-erp", "http://example.org", "https://x.com/janedoe/status/42",
        "https://linkedin.com/in/janedoe",
        "https://github.com/jane/repo", "https://blog.example.org/2026/10/Post_Title~v2+final", "https://mastodon.social/@jane/1",
        "https://dev.to/jane/my-post-3k2j", "https://linkedin.com/posts/janedoe_refonte-erp-1001",
        "https://linkedin.com/feed/update/urn:li:activity:7258194261025673216",
        "https://linkedin.com/feed/update/urn:li:ugcPost:7258194261025673216",
        "https://linkedin.com/feed/update/urn:li:share:7258194261025673216",
    ])
    func commonCanonicalAddressesTakeTheFastPath(text: String) throws {
        #expect(CanonicalURL.isPlainlyCanonical(text))
        #expect(try CanonicalURL.canonicalForm(of: text) == text)
    }

    @Test(arguments: [
        "https://www.blog.jane.dev/a", "https://twitter.com/jane/status/1", "https://x.com/JaneDoe/status/1",
        "https://Blog.jane.dev/a",
        "https://blog.jane.dev/a/", "https://blog.jane.dev//a", "https://blog.jane.dev/./a",
        "https://blog.jane.dev/a?utm_source=x",
        "https://blog.jane.dev:443/a", "https://blog.jane.dev/a#top", "https://blog.jane.dev/caf%C3%A9", "https://youtu.be/abc",
        "https://fr.linkedin.com/posts/x", "https://mastodon.social/@Jane", "https://blog.jane.dev./a", "blog.jane.dev/a",
        "https://localhost/a", "https://m.example.org/a", "https://github.com/Jane/repo", "https://blog.jane.dev/a b",
        "https://x.com/jane/status/1/photo/1", "https://x.com/jane/statuses/1",
        "https://linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-ab3x",
        "https://linkedin.com/posts/jane-doe_kafka-aactivity-7258194261025673216-ab3x",
        "https://linkedin.com/feed/update/urn:li:ugcpost:7258194261025673216",
        "https://linkedin.com/feed/update/urn:li:activity:7258194261025673216/x",
        "https://linkedin.com/feed/update/urn:li:activity:725819426",
        "https://linkedin.com/feed/update/urn:li:group:7258194261025673216",
    ])
    func anythingARuleWouldChangeGoesToTheParser(text: String) {
        #expect(!CanonicalURL.isPlainlyCanonical(text))
    }

    @Test func generatedAddressesAgreeWithTheParser() throws {
        var random = SeededGenerator(seed: 4242)
        let hosts = [
            "blog.jane.dev", "x.com", "github.com", "linkedin.com", "mastodon.social", "www.example.org", "example.org", "a-b.fr",
        ]
        let pieces = [
            "a", "B", "post", "2026", "@jane", "@Jane", ".", "..", "...", "x.y", "~u", "a+b", "c_d", "", "É", "%20", "-", "Z9",
            "posts", "feed", "update", "urn:li:activity:7258194261025673216", "urn:li:ugcPost:7258194261025673216",
            "jane_kafka-activity-7258194261025673216-ab", "jane_acactivity-12", "urn:li:share:12",
        ]
        var fast = 0
        for _ in 0..<5_000 {
            let scheme = Bool.random(using: &random) ? "https" : "http"
            let segments = (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            var text = "\(scheme)://\(hosts.randomElement(using: &random)!)"
            if !segments.isEmpty { text += "/" + segments.joined(separator: "/") }
            if Int.random(in: 0..<10, using: &random) == 0 { text += "/" }
            guard CanonicalURL.isPlainlyCanonical(text) else { continue }
            fast += 1
            #expect(try CanonicalURL.canonicalForm(of: text) == text, "\(text)")
        }
        #expect(fast > 500)
    }

    @Test(arguments: [
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082",
        "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7515315610318800083",
        "https://www.linkedin.com/feed/update/urn%3ali%3aactivity%3a7258194261025673216/",
        "https://linkedin.com/feed/update/urn:li:UGCPOST:7258194261025673216",
        "https://www.linkedin.com/feed/update/urn:li%3Ashare:7258194261025673216",
    ])
    func linkedInExportAddressesTakeTheirFastPathToWhatTheParserGives(text: String) throws {
        let fast = try #require(CanonicalURL.exportedLinkedInPost(text))
        #expect(fast == (try CanonicalURL.canonicalForm(of: text)))
        #expect(try CanonicalURL(text).string == fast)
    }

    @Test(arguments: [
        "http://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082",
        "https://fr.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082?utm_source=share",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A75153156",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Agroup%3A7515315610318800082",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082//",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7515315610318800082x",
        "https://www.linkedin.com/feed/update/urn%253Ali%253Ashare%253A7515315610318800082",
        "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A%3A7515315610318800082",
        "https://www.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-ab3x",
    ])
    func otherLinkedInAddressesGoToTheParser(text: String) {
        #expect(CanonicalURL.exportedLinkedInPost(text) == nil)
    }
}
