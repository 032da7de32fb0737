import AdvocacyCore
import Testing

@Suite("CanonicalURL")
struct CanonicalURLTests {
    @Test(arguments: [
        ("HTTPS://WWW.Example.COM/Blog/Post/", "https://example.com/Blog/Post"),
        ("https://example.com/post#comments", "https://example.com/post"),
        ("https://example.com/post?utm_source=x&utm_medium=social&id=3", "https://example.com/post?id=3"),
        ("https://example.com/post?fbclid=abc&gclid=def&trk=feed", "https://example.com/post"),
        ("https://example.com/?b=2&a=1", "https://example.com?a=1&b=2"),
        ("https://example.com/", "https://example.com"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("blog.example.com/post", "https://blog.example.com/post"),
        ("https://twitter.com/jane/status/1?s=20&t=abc", "https://x.com/jane/status/1"),
        ("https://mobile.twitter.com/jane", "https://x.com/jane"),
        ("https://youtu.be/dQw4w9WgXcQ?si=share", "https://youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://www.youtube.com/watch?v=abc&feature=share&t=42", "https://youtube.com/watch?v=abc"),
        ("https://www.linkedin.com/posts/jane_topic-123/?trackingId=xyz&lipi=1", "https://linkedin.com/posts/jane_topic-123"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ])
    func canonicalises(input: String, expected: String) throws {
        #expect(try CanonicalURL(input).string == expected)
    }

    @Test func canonicalFormIsAFixedPoint() throws {
        for input in [
            "HTTPS://WWW.Example.COM/a/?utm_x=1#f", "https://youtu.be/abc", "https://twitter.com/a/status/9", "example.com./a",
            // Found by the fuzzer: prefixes taken off one at a time were not a fixed point.
            "https://www.www.example.com/a", "m.www.example.com/b",
            "https://m.youtube.com/shorts/Qm_w1&utm_wltHTT|_w1&utm_da", "https://youtu.be/a&b=c",
        ] {
            let once = try CanonicalURL(input)
            #expect(try CanonicalURL(once.string) == once)
        }
    }

    @Test(arguments: [
        "", "   ", "ftp://example.com/file", "mailto:jane@example.com", "htp:/bad", "javascript:alert(1)", "https://",
        "https://exa mple.com", "intranet/page", "https://user:pw@example.com/a",
        // Found by the fuzzer: two trailing dots read as a host that was not a fixed point.
        "ps../bp", "https://example.com../a", "https://%EF%BE%BD2", "https://café.example/a",
    ])
    func refuses(input: String) {
        #expect(throws: CoreError.self) { try CanonicalURL(input) }
    }

    @Test func rootAndContainment() throws {
        let post = try CanonicalURL("https://blog.example.com/2026/post")
        #expect(post.root.string == "https://blog.example.com")
        #expect(try CanonicalURL("https://blog.example.com/2026").contains(post))
        #expect(try !CanonicalURL("https://blog.example.com/20").contains(post))
        #expect(post.contains(post))
        #expect(try !CanonicalURL("https://blog.example.com/2026/post/more").contains(post))
        #expect(try !CanonicalURL("https://blog.example.com/2026/post?page=2").contains(post))
        #expect(try CanonicalURL("https://blog.example.com").contains(post))
    }
}
