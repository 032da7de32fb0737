import AdvocacyCore
import Testing

@Suite("Domain values")
struct DomainValueTests {
    @Test(arguments: [
        ("jane.doe@corp.fr", "jane.doe@corp.fr"), ("Jane.Doe@Corp.FR", "jane.doe@corp.fr"), ("  a@b.co ", "a@b.co"),
        ("first+tag@sub.corp.fr", "first+tag@sub.corp.fr"),
    ])
    func emailsAreNormalised(input: String, expected: String) throws {
        #expect(try EmailAddress(input).value == expected)
    }

    @Test(arguments: [
        "", "jane", "jane@", "@corp.fr", "jane@corp", "jane@@corp.fr", "ja ne@corp.fr", "jane@corp..fr", ".jane@corp.fr",
        "jane@.corp.fr", "a,b@corp.fr", "<jane@corp.fr>",
    ])
    func badEmailsAreRefused(input: String) {
        #expect(throws: CoreError.invalidEmail(input)) { try EmailAddress(input) }
    }

    @Test(arguments: [("erp-2027", "ERP-2027"), ("DATA_PLATFORM", "DATA_PLATFORM"), (" api.hub ", "API.HUB")])
    func projectCodesAreUpperCased(input: String, expected: String) throws {
        #expect(try ProjectCode(input).value == expected)
    }

    @Test(arguments: ["", "E", "2027-ERP", "ERP 2027", "ERP/2027", String(repeating: "A", count: 33), "ÉRP"])
    func badProjectCodesAreRefused(input: String) {
        #expect(throws: CoreError.invalidProjectCode(input)) { try ProjectCode(input) }
    }

    @Test func vocabularyParsingIgnoresCaseAndListsTheChoices() throws {
        #expect(try Role.parse(" HR ") == .hr)
        #expect(try ChannelKind.parse("LinkedIn") == .linkedin)
        #expect(throws: CoreError.unknownValue("boss", field: "role", allowed: ["staff", "cio", "hr", "admin"])) {
            try Role.parse("boss")
        }
        let message =
            (try? ActionKind.parse("tweet")).map { _ in "" }
            ?? {
                do { _ = try ActionKind.parse("tweet"); return "" } catch { return error.localizedDescription }
            }()
        #expect(
            message
                == "'tweet' is not a known action kind: expected one of article, post, talk, video, podcast, newsletter, comment, share"
        )
    }

    @Test(arguments: [
        (ChannelKind.blog, ActionKind.article), (.youtube, .video), (.talk, .talk), (.podcast, .podcast), (.linkedin, .post),
        (.x, .post),
    ])
    func channelKindsSuggestAnActionKind(channel: ChannelKind, action: ActionKind) {
        #expect(channel.defaultActionKind == action)
    }

    @Test func textFieldsAreTrimmedAndBounded() throws {
        #expect(try TextField.required("  Jane\tDoe \n", field: "name", limit: 20) == "Jane Doe")
        #expect(throws: CoreError.emptyText(field: "name")) { try TextField.required("  ", field: "name", limit: 20) }
        #expect(throws: CoreError.textTooLong(field: "name", limit: 3)) {
            try TextField.required("abcd", field: "name", limit: 3)
        }
        #expect(try TextField.optional("", field: "team", limit: 3) == nil)
    }

    /// Text that ends or starts with an accented letter skips Foundation; what
    /// it gives must be exactly what trimming gives.
    @Test(arguments: [
        ("Retour d'expérience sur la sécurité", "Retour d'expérience sur la sécurité"), ("Été 2026", "Été 2026"),
        ("sécurité\u{00A0}", "sécurité"), ("\u{3000}Été", "Été"), ("déjà\u{2028}", "déjà"),
        ("\u{202F}«\u{00A0}citation\u{00A0}»", "«\u{00A0}citation\u{00A0}»"),
        ("東京", "東京"), ("naïve\u{0085}", "naïve"),
    ])
    func textEndingInAnAccentedLetterIsKeptAsTyped(typed: String, kept: String) throws {
        #expect(try TextField.required(typed, field: "title", limit: 100) == kept)
    }

    @Test func projectsValidateWeightAndDates() throws {
        let code = try ProjectCode("ERP-2027")
        #expect(throws: CoreError.invalidWeight(4)) { try Project.validated(code: code, name: "ERP", weight: 4) }
        let start = try LocalDate(parsing: "2026-05-01"), end = try LocalDate(parsing: "2026-04-01")
        #expect(throws: CoreError.invalidRange(from: start, to: end)) {
            try Project.validated(code: code, name: "ERP", start: start, end: end)
        }
        let project = try Project.validated(code: code, name: " ERP ", start: start)
        #expect(project.name == "ERP")
        #expect(throws: CoreError.self) { try project.applying(ProjectChanges(end: end)) }
        #expect(try project.applying(ProjectChanges(weight: 3, status: .closed)).weight == 3)
    }

    @Test func metricsUpdatesKeepTheCountersLeftOut() throws {
        let previous = Metrics(impressions: 900, reactions: 10, comments: 2, shares: 1, clicks: 4)
        let updated = try MetricsUpdate(reactions: 25).applied(to: previous)
        #expect(updated == Metrics(impressions: 900, reactions: 25, comments: 2, shares: 1, clicks: 4))
        #expect(try MetricsUpdate(comments: 3).applied(to: nil) == Metrics(comments: 3))
        #expect(throws: CoreError.invalidCount(name: "shares", value: -1)) { try MetricsUpdate(shares: -1) }
        #expect(try MetricsUpdate().isEmpty)
    }

    @Test(arguments: [
        ("https://blog.example.com/2026/11/my-first-post.html", "My first post"),
        ("https://x.com/jane/status/1234", "Post by @jane"),
        ("https://youtu.be/abc123", "YouTube video abc123"),
        ("https://intranet.corp.fr/news/123", "News 123"),
        ("https://blog.example.com", "blog.example.com"),
        ("https://example.com/posts/kubernetes_in_production", "Kubernetes in production"),
    ])
    func draftsTakeATitleFromTheAddress(url: String, title: String) throws {
        #expect(ActionDraft.title(from: try CanonicalURL(url)) == title)
    }

    @Test func draftsRefuseFutureDatesAndBadEffort() throws {
        let today = try LocalDate(parsing: "2026-11-21")
        let url = try CanonicalURL("https://blog.example.com/post")
        let author = try EmailAddress("jane@corp.fr")
        #expect(throws: CoreError.futureDate(today.adding(days: 1), today: today)) {
            try ActionDraft(author: author, url: url, date: today.adding(days: 1), today: today)
        }
        #expect(throws: CoreError.invalidEffort(0)) {
            try ActionDraft(author: author, url: url, date: today, effortHours: 0, today: today)
        }
        let code = try ProjectCode("ERP-2027")
        let draft = try ActionDraft(
            author: author, url: url, date: today, projects: [code, code], metrics: try MetricsUpdate(), today: today)
        #expect(draft.projects == [code])
        #expect(draft.metrics == nil)
        #expect(draft.title == "Post")
    }
}

@Suite("Audience tiers")
struct AudienceTierTests {
    @Test(arguments: [
        (0, AudienceTier.nano), (999, .nano), (1_000, .micro), (99_999, .micro), (100_000, .mid), (499_999, .mid),
        (500_000, .macro), (999_999, .macro), (1_000_000, .mega), (40_000_000, .mega),
    ])
    func defaultThresholds(followers: Int, tier: AudienceTier) {
        #expect(AudienceTier(followers: followers) == tier)
    }

    @Test func thresholdsAreSettings() {
        #expect(AudienceTier(followers: 5_000, thresholds: [10_000, 50_000, 200_000, 1_000_000]) == .nano)
        #expect(AudienceTier.nano < AudienceTier.mega)
    }
}
