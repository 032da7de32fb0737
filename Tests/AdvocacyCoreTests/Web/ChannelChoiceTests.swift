import AdvocacyCore
import AdvocacyTestSupport
import Testing

@Suite("ChannelChoice")
struct ChannelChoiceTests {
    static let today = valid { try LocalDate(parsing: "2026-11-21") }
    static let own: [(url: CanonicalURL, kind: ChannelKind)] = [
        (valid { try CanonicalURL("https://jane.dev/blog") }, .blog), (valid { try CanonicalURL("https://x.com/jane") }, .x),
        (valid { try CanonicalURL("https://youtube.com/@jane") }, .youtube),
        (valid { try CanonicalURL("https://intranet.corp.fr/people/jane") }, .internal),
    ]

    static func choice(_ url: String, kind: ActionKind? = nil, own: [(url: CanonicalURL, kind: ChannelKind)] = own) throws
        -> ChannelChoice
    {
        let draft = try ActionDraft(
            author: try EmailAddress("jane@corp.fr"), url: try CanonicalURL(url), kind: kind, date: today, today: today)
        return ChannelChoice.choose(for: draft, among: own)
    }

    @Test(arguments: [
        (
            "https://jane.dev/blog/2026/post", nil as ActionKind?,
            ChannelChoice.existing(valid { try CanonicalURL("https://jane.dev/blog") })
        ),
        ("https://x.com/jane/status/1", nil, .existing(valid { try CanonicalURL("https://x.com/jane") })),
        ("https://youtu.be/abc", nil, .existing(valid { try CanonicalURL("https://youtube.com/@jane") })),
        ("https://x.com/paul/status/2", .share, .existing(valid { try CanonicalURL("https://x.com/jane") })),
        ("https://intranet.corp.fr/news/1", nil, .existing(valid { try CanonicalURL("https://intranet.corp.fr/people/jane") })),
        // Another handle on a host where the author has a channel is another account's post.
        (
            "https://x.com/jane_pro/status/3", nil,
            .anotherAccount(
                named: valid { try CanonicalURL("https://x.com/jane_pro") },
                yours: valid { try CanonicalURL("https://x.com/jane") })
        ),
        ("https://dev.to/jane/kafka", nil, .create(valid { try CanonicalURL("https://dev.to/jane") }, .blog)),
        (
            "https://sessionize.com/jane/talks/t1", .talk,
            .create(valid { try CanonicalURL("https://sessionize.com/jane") }, .talk)
        ),
        ("https://linkedin.com/pulse/article", nil, .registerFirst(.linkedin)),
        ("https://linkedin.com/posts/paul_x-1", .comment, .registerFirst(.linkedin)),
        ("https://wiki.corp.fr/page", nil, .registerFirst(.internal)),
        ("https://devoxx.fr/talks/t1", .talk, .registerFirst(.talk)),
        ("https://meetup.com/paris-data/events/42", nil, .registerFirst(.blog)),
    ])
    func choosesOrAsks(url: String, kind: ActionKind?, expected: ChannelChoice) throws {
        #expect(try Self.choice(url, kind: kind) == expected)
    }

    @Test func aChannelNamedByTheAddressIsCreatedWhenTheAuthorHasNone() throws {
        #expect(
            try Self.choice("https://x.com/jane_pro/status/3", own: []) == .create(try CanonicalURL("https://x.com/jane_pro"), .x)
        )
        #expect(try Self.choice("https://jane.dev/post", own: []) == .create(try CanonicalURL("https://jane.dev"), .blog))
    }

    @Test func theLongestChannelAPostLiesUnderWins() throws {
        let own: [(url: CanonicalURL, kind: ChannelKind)] = [
            (try CanonicalURL("https://corp-blog.example.com"), .blog),
            (try CanonicalURL("https://corp-blog.example.com/jane"), .blog),
        ]
        #expect(
            try Self.choice("https://corp-blog.example.com/jane/post", own: own)
                == .existing(try CanonicalURL("https://corp-blog.example.com/jane")))
    }
}
