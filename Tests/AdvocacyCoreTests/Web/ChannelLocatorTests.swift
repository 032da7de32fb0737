import AdvocacyCore
import Testing

@Suite("ChannelLocator")
struct ChannelLocatorTests {
    @Test(arguments: [
        ("https://www.linkedin.com/in/jane", ChannelKind.linkedin), ("https://fr.linkedin.com/posts/jane_x-1", .linkedin),
        ("https://x.com/jane", .x), ("https://twitter.com/jane/status/1", .x),
        ("https://www.youtube.com/@jane", .youtube), ("https://youtu.be/abc", .youtube),
        ("https://github.com/jane", .github), ("https://mastodon.social/@jane", .mastodon),
        ("https://piaille.fr/@jane/1234", .mastodon), ("https://medium.com/@jane/post", .blog),
        ("https://jane.github.io/post", .blog), ("https://blog.example.com", .blog),
        ("https://anchor.fm/show", .podcast), ("https://open.spotify.com/show/abc", .podcast),
    ])
    func infersKindFromHost(url: String, kind: ChannelKind) throws {
        #expect(ChannelLocator.inferredKind(of: try CanonicalURL(url)) == kind)
    }

    @Test(arguments: [
        ("@jane", nil as ChannelKind?, "https://x.com/jane"),
        ("@jane_doe", .x, "https://x.com/jane_doe"),
        ("@jane", .github, "https://github.com/jane"),
        ("@jane", .youtube, "https://youtube.com/@jane"),
        ("@jane@mastodon.social", nil, "https://mastodon.social/@jane"),
        ("https://www.linkedin.com/in/jane/", nil, "https://linkedin.com/in/jane"),
    ])
    func readsHandlesAndAddresses(text: String, kind: ChannelKind?, expected: String) throws {
        #expect(try ChannelLocator.channelURL(from: text, kind: kind).string == expected)
    }

    @Test(arguments: ["@", "@ja ne", "@jane@", "@a@b@c", "@jane!"])
    func refusesBadHandles(text: String) {
        #expect(throws: CoreError.self) { try ChannelLocator.channelURL(from: text) }
    }

    @Test(arguments: [
        ("https://x.com/jane/status/123", "https://x.com/jane" as String?),
        ("https://www.linkedin.com/posts/jane-doe_topic-activity-1", "https://linkedin.com/in/jane-doe"),
        ("https://linkedin.com/in/jane/recent-activity", "https://linkedin.com/in/jane"),
        ("https://linkedin.com/pulse/some-article-jane", nil),
        ("https://github.com/jane/repo/pull/1", "https://github.com/jane"),
        ("https://youtube.com/watch?v=abc", nil),
        ("https://youtube.com/@jane/videos", "https://youtube.com/@jane"),
        ("https://mastodon.social/@jane/1234", "https://mastodon.social/@jane"),
        ("https://medium.com/@jane/a-post-1", "https://medium.com/@jane"),
        ("https://blog.example.com/2026/post", "https://blog.example.com"),
        ("http://old.example.com/post", "http://old.example.com"),
    ])
    func findsThePublishingChannel(post: String, channel: String?) throws {
        #expect(ChannelLocator.channelURL(forPost: try CanonicalURL(post))?.string == channel)
    }
}
