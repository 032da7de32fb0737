import AdvocacyCore
import Testing

/// One post, one address: every form a post is shared under reads as the
/// same canonical address, so it is one action.
@Suite("The forms of one post's address")
struct PostAddressFormsTests {
    static let linkedIn = "https://linkedin.com/feed/update/urn:li:activity:7258194261025673216"

    @Test(arguments: [
        // LinkedIn: the share link, the feed link, percent-encoded, embedded, another country's host, tracking.
        (
            "https://www.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-Ab3x?utm_source=share&utm_medium=member_desktop",
            linkedIn
        ),
        ("https://www.linkedin.com/feed/update/urn:li:activity:7258194261025673216/", linkedIn),
        ("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7258194261025673216", linkedIn),
        ("https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7258194261025673216?trk=public_post", linkedIn),
        ("https://fr.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-Ab3x", linkedIn),
        ("https://www.linkedin.com/embed/feed/update/urn:li:activity:7258194261025673216", linkedIn),
        ("linkedin.com/posts/JANE-DOE_Kafka-Activity-7258194261025673216-AB3X/", linkedIn),
        // Its share and ugcPost ids are other numbers, kept as they are (matched by time, not by address).
        (
            "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7258194260400721920",
            "https://linkedin.com/feed/update/urn:li:ugcPost:7258194260400721920"
        ),
        (
            "https://www.linkedin.com/feed/update/urn:li:share:7258194259771576320/",
            "https://linkedin.com/feed/update/urn:li:share:7258194259771576320"
        ),
        // X.
        ("https://twitter.com/JaneDoe/status/1840512345678901234?s=20&t=abc", "https://x.com/janedoe/status/1840512345678901234"),
        ("https://mobile.twitter.com/janedoe/status/1840512345678901234", "https://x.com/janedoe/status/1840512345678901234"),
        ("https://x.com/JaneDoe/status/1840512345678901234/", "https://x.com/janedoe/status/1840512345678901234"),
        ("https://x.com/JaneDoe/status/1840512345678901234/photo/1", "https://x.com/janedoe/status/1840512345678901234"),
        (
            "https://twitter.com/janedoe/statuses/1840512345678901234/analytics",
            "https://x.com/janedoe/status/1840512345678901234"
        ),
        // Without an account: kept, and matched by its status id when logged or imported (XStatus).
        ("https://twitter.com/i/web/status/1840512345678901234", "https://x.com/i/web/status/1840512345678901234"),
        // YouTube: ids keep their case.
        ("https://youtu.be/dQw4w9WgXcQ?si=Xy12", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        // Medium, on its host or a custom domain, from its feed.
        (
            "https://medium.com/@janedoe/kafka-a-lechelle-3f9c2b1a7d4e?source=rss-8a1b2c3d4e5f------2",
            "https://medium.com/@janedoe/kafka-a-lechelle-3f9c2b1a7d4e"
        ),
        ("https://blog.example.com/kafka-3f9c2b1a7d4e?source=rss----abc123---4", "https://blog.example.com/kafka-3f9c2b1a7d4e"),
        // A site's own ?source= stays.
        ("https://example.org/search?source=doc", "https://example.org/search?source=doc"),
        // Case-sensitive paths keep their case.
        ("https://blog.example.com/Posts/Kafka", "https://blog.example.com/Posts/Kafka"),
    ])
    func eachFormReadsAsThePostsOneAddress(text: String, expected: String) throws {
        #expect(try CanonicalURL(text).string == expected)
    }

    @Test func theShareLinkStillNamesItsAuthorsChannel() throws {
        let post = try CanonicalURL("https://www.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-Ab3x")
        #expect(post.authorHint == "jane-doe")
        #expect(ChannelLocator.channelURL(forPost: post)?.string == "https://linkedin.com/in/jane-doe")
        // Equal to the feed form, which names nobody.
        let feed = try CanonicalURL("https://www.linkedin.com/feed/update/urn:li:activity:7258194261025673216")
        #expect(post == feed && feed.authorHint == nil)
        #expect(Set([post, feed]).count == 1)
    }

    @Test(arguments: [
        "https://www.linkedin.com/feed/update/urn:li:activity:7258194261025673216",
        "https://www.linkedin.com/posts/jane-doe_kafka-activity-7258194261025673216-Ab3x",
        "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7258194260400721920",
    ])
    func noURNOrSlugIsATitle(text: String) throws {
        let draft = try ActionDraft(
            author: try EmailAddress("jane@corp.fr"), url: try CanonicalURL(text), date: try LocalDate(parsing: "2026-11-02"),
            today: try LocalDate(parsing: "2026-11-21"))
        #expect(draft.title == "LinkedIn post")
    }
}
