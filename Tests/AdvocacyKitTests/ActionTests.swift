import AdvocacyCore
import AdvocacyFixtures
import AdvocacyKit
import AdvocacyTestSupport
import Testing

@testable import AdvocacyStore

@Suite("Channels, actions and metrics")
struct ActionStoreTests {
    @Test func followerCountsReplaceOnTheSameDay() throws {
        let fixture = try ProgrammeFixture()
        let url = fixture.url("https://linkedin.com/in/jane")
        try fixture.programme.addChannel(
            try NewChannel(owner: fixture.jane, url: url, followers: 1_200, followersDate: fixture.today), by: fixture.jane)
        try fixture.programme.recordFollowers(url, count: 1_250, on: fixture.today, by: fixture.jane)
        try fixture.programme.recordFollowers(url, count: 1_100, on: fixture.today.adding(days: -30), by: fixture.jane)
        let channel = try fixture.programme.channels(owner: fixture.jane)[0]
        #expect(channel.followers == 1_250)
        #expect(channel.followersDate == fixture.today)
        #expect(channel.kind == .linkedin && channel.scope == .external)
        #expect(try fixture.count("followerSnapshot") == 2)
    }

    @Test func staffWriteOnlyTheirOwnChannels() throws {
        let fixture = try ProgrammeFixture()
        let url = fixture.url("https://x.com/jane")
        #expect(throws: CoreError.self) {
            try fixture.programme.addChannel(
                try NewChannel(owner: fixture.jane, url: url, followersDate: fixture.today), by: fixture.paul)
        }
        try fixture.programme.addChannel(
            try NewChannel(owner: fixture.jane, url: url, followersDate: fixture.today), by: fixture.admin)
        #expect(throws: CoreError.self) {
            try fixture.programme.recordFollowers(url, count: 5, on: fixture.today, by: fixture.paul)
        }
        #expect(throws: StoreError.duplicateChannel(url, owner: fixture.jane)) {
            try fixture.programme.addChannel(
                try NewChannel(owner: fixture.paul, url: url, followersDate: fixture.today), by: fixture.paul)
        }
    }

    @Test func loggingFindsOrCreatesTheChannel() throws {
        let fixture = try ProgrammeFixture()
        let blog = fixture.url("https://jane.dev/blog")
        try fixture.programme.addChannel(
            try NewChannel(owner: fixture.jane, url: blog, followersDate: fixture.today), by: fixture.jane)
        try fixture.programme.addChannel(
            try NewChannel(owner: fixture.jane, url: fixture.url("https://youtube.com/@janedoe"), followersDate: fixture.today),
            by: fixture.jane)

        let article = try fixture.programme.logAction(
            try fixture.draft("https://jane.dev/blog/2026/hello-world"), by: fixture.jane)
        #expect(article.channel == blog && article.kind == .article && article.title == "Hello world")

        let video = try fixture.programme.logAction(try fixture.draft("https://youtu.be/abc123"), by: fixture.jane)
        #expect(video.channel.string == "https://youtube.com/@janedoe" && video.kind == .video)

        let tweet = try fixture.programme.logAction(
            try fixture.draft("https://twitter.com/JaneDoe/status/42?s=20"), by: fixture.jane)
        #expect(tweet.url.string == "https://x.com/janedoe/status/42")
        #expect(tweet.channel.string == "https://x.com/janedoe" && tweet.channelKind == .x && tweet.kind == .post)

        let talkURL = "https://devoxx.fr/talks/observability"
        #expect(throws: StoreError.channelNotDerivable(fixture.url(talkURL), kind: .talk, owner: fixture.jane)) {
            try fixture.programme.logAction(try fixture.draft(talkURL, kind: .talk), by: fixture.jane)
        }
        try fixture.programme.addChannel(
            try NewChannel(
                owner: fixture.jane, url: fixture.url("https://sessionize.com/jane-doe"), kind: .talk,
                followersDate: fixture.today),
            by: fixture.jane)
        let talk = try fixture.programme.logAction(try fixture.draft(talkURL, kind: .talk), by: fixture.jane)
        #expect(talk.channelKind == .talk && talk.channel.string == "https://sessionize.com/jane-doe")
        #expect(try fixture.programme.channels(owner: fixture.jane).count == 4)
    }

    @Test func aChannelThatCannotBeToldOrBelongsToSomeoneElseIsExplained() throws {
        let fixture = try ProgrammeFixture()
        #expect(
            throws: StoreError.channelNotDerivable(
                fixture.url("https://linkedin.com/pulse/my-article"), kind: .linkedin, owner: fixture.jane)
        ) {
            try fixture.programme.logAction(try fixture.draft("https://linkedin.com/pulse/my-article"), by: fixture.jane)
        }
        try fixture.programme.logAction(
            try fixture.draft("https://medium.example.com/post-one", by: fixture.paul), by: fixture.paul)
        #expect(
            throws: StoreError.postOnOthersChannel(
                fixture.url("https://medium.example.com/post-two"), channel: fixture.url("https://medium.example.com"),
                owner: fixture.paul)
        ) {
            try fixture.programme.logAction(try fixture.draft("https://medium.example.com/post-two"), by: fixture.jane)
        }
    }

    @Test func sharedSitesAreNeverClaimedByOnePerson() throws {
        let fixture = try ProgrammeFixture()
        // The company's own sites: nobody owns the whole host.
        #expect(
            throws: StoreError.channelNotDerivable(
                fixture.url("https://intranet.corp.fr/news/123"), kind: .internal, owner: fixture.jane)
        ) {
            try fixture.programme.logAction(try fixture.draft("https://intranet.corp.fr/news/123"), by: fixture.jane)
        }
        try fixture.programme.addChannel(
            try NewChannel(
                owner: fixture.jane, url: fixture.url("https://intranet.corp.fr/people/jane"), kind: .internal,
                followersDate: fixture.today),
            by: fixture.jane)
        let news = try fixture.programme.logAction(try fixture.draft("https://intranet.corp.fr/news/123"), by: fixture.jane)
        #expect(news.channel.string == "https://intranet.corp.fr/people/jane" && news.kind == .post)
        // Multi-author platforms: the author's part of the site.
        let devto = try fixture.programme.logAction(
            try fixture.draft("https://dev.to/jane/kafka-101", by: fixture.jane), by: fixture.jane)
        let paulsDevto = try fixture.programme.logAction(
            try fixture.draft("https://dev.to/paul/zero-trust", by: fixture.paul), by: fixture.paul)
        #expect(devto.channel.string == "https://dev.to/jane" && paulsDevto.channel.string == "https://dev.to/paul")
        #expect(throws: StoreError.self) {
            try fixture.programme.logAction(
                try fixture.draft("https://www.meetup.com/paris-data/events/42", kind: .talk), by: fixture.jane)
        }
    }

    @Test func commentsAndSharesCountOnTheAuthorsOwnAccountButAColleaguesPostStaysTheirs() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(try fixture.draft("https://x.com/paul/status/1", by: fixture.paul), by: fixture.paul)
        // Jane shares an outside account's post: without an X account of her own, she is asked to register it.
        #expect(throws: StoreError.channelNotDerivable(fixture.url("https://x.com/acme/status/2"), kind: .x, owner: fixture.jane))
        {
            try fixture.programme.logAction(try fixture.draft("https://x.com/acme/status/2", kind: .share), by: fixture.jane)
        }
        try fixture.programme.addChannel(
            try NewChannel(owner: fixture.jane, url: fixture.url("https://x.com/jane"), followersDate: fixture.today),
            by: fixture.jane)
        let share = try fixture.programme.logAction(
            try fixture.draft("https://x.com/acme/status/2", kind: .share), by: fixture.jane)
        #expect(share.channel.string == "https://x.com/jane")
        // A colleague's post is theirs, shared or not: her share has its own address to log.
        for kind in [ActionKind.share, .comment, .post] {
            #expect(
                throws: StoreError.postOnOthersChannel(
                    fixture.url("https://x.com/paul/status/3"), channel: fixture.url("https://x.com/paul"), owner: fixture.paul)
            ) {
                try fixture.programme.logAction(try fixture.draft("https://x.com/paul/status/3", kind: kind), by: fixture.jane)
            }
        }
    }

    @Test func theSamePostOverHTTPOrAnotherLinkedInHostIsADuplicate() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(try fixture.draft("https://jane.dev/post"), by: fixture.jane)
        #expect(throws: StoreError.duplicateAction(fixture.url("https://jane.dev/post"), owner: fixture.jane)) {
            try fixture.programme.logAction(try fixture.draft("http://jane.dev/post"), by: fixture.jane)
        }
        try fixture.programme.logAction(try fixture.draft("https://fr.linkedin.com/posts/jane_kafka-1"), by: fixture.jane)
        #expect(throws: StoreError.self) {
            try fixture.programme.logAction(try fixture.draft("https://www.linkedin.com/posts/Jane_Kafka-1/"), by: fixture.jane)
        }
        #expect(
            try fixture.programme.channels(owner: fixture.jane).map(\.url.string) == [
                "https://jane.dev", "https://linkedin.com/in/jane",
            ])
    }

    @Test func refusedLogsWriteNothing() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(try fixture.draft("https://x.com/jane/status/1"), by: fixture.jane)
        let before = try fixture.snapshot()
        let unknown = try ProjectCode("NOPE-1")
        #expect(throws: StoreError.unknownProject(unknown)) {
            try fixture.programme.logAction(
                try fixture.draft("https://x.com/jane/status/2", projects: [fixture.erp, unknown]), by: fixture.jane)
        }
        #expect(throws: StoreError.duplicateAction(fixture.url("https://x.com/jane/status/1"), owner: fixture.jane)) {
            try fixture.programme.logAction(
                try fixture.draft("https://x.com/jane/status/1?utm_source=feed", by: fixture.paul), by: fixture.paul)
        }
        #expect(throws: CoreError.self) {
            try fixture.programme.logAction(try fixture.draft("https://x.com/paul/status/3", by: fixture.paul), by: fixture.jane)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func metricsCarryForwardReplaceSameDayAndTheLatestCounts() throws {
        let fixture = try ProgrammeFixture()
        let url = fixture.url("https://x.com/jane/status/1")
        let published = fixture.today.adding(days: -10), measured = fixture.today.adding(days: -5)
        try fixture.programme.logAction(try fixture.draft(url.string, date: published), by: fixture.jane)
        #expect(try fixture.programme.action(url).metricsDate == nil)
        try fixture.programme.recordMetrics(
            url, try MetricsUpdate(impressions: 1_000, reactions: 10), on: measured, by: fixture.jane)
        try fixture.programme.recordMetrics(url, try MetricsUpdate(comments: 4), on: measured, by: fixture.jane)
        var action = try fixture.programme.action(url)
        #expect(action.metrics == Metrics(impressions: 1_000, reactions: 10, comments: 4))
        #expect(action.metricsDate == measured)
        #expect(try fixture.count("metricsSnapshot") == 1)

        try fixture.programme.recordMetrics(url, try MetricsUpdate(reactions: 30), on: fixture.today, by: fixture.admin)
        action = try fixture.programme.action(url)
        #expect(action.metrics == Metrics(impressions: 1_000, reactions: 30, comments: 4))
        #expect(action.metricsDate == fixture.today)
        #expect(try fixture.count("metricsSnapshot") == 2)
        // An older snapshot than the latest would never count: it is refused.
        #expect(throws: StoreError.metricsBeforeLatest(date: fixture.today.adding(days: -7), latest: fixture.today)) {
            try fixture.programme.recordMetrics(
                url, try MetricsUpdate(shares: 2), on: fixture.today.adding(days: -7), by: fixture.jane)
        }
        #expect(try fixture.count("metricsSnapshot") == 2)

        let other = fixture.url("https://x.com/jane/status/2")
        try fixture.programme.logAction(try fixture.draft(other.string, date: published), by: fixture.jane)
        #expect(throws: StoreError.metricsBeforePublication(date: published.adding(days: -1), published: published)) {
            try fixture.programme.recordMetrics(
                other, try MetricsUpdate(shares: 2), on: published.adding(days: -1), by: fixture.jane)
        }
        #expect(throws: CoreError.self) {
            try fixture.programme.recordMetrics(url, try MetricsUpdate(shares: 9), on: fixture.today, by: fixture.paul)
        }
        #expect(try fixture.programme.action(url).metrics.shares == 0)
    }

    @Test func listsFilterByAuthorProjectAndPeriod() throws {
        let fixture = try ProgrammeFixture()
        try fixture.programme.logAction(
            try fixture.draft("https://x.com/jane/status/1", date: try LocalDate(parsing: "2026-09-30"), projects: [fixture.erp]),
            by: fixture.jane)
        try fixture.programme.logAction(
            try fixture.draft("https://x.com/jane/status/2", date: try LocalDate(parsing: "2026-10-01")), by: fixture.jane)
        try fixture.programme.logAction(
            try fixture.draft("https://x.com/paul/status/3", by: fixture.paul, projects: [fixture.erp]), by: fixture.admin)
        #expect(try fixture.programme.actions().map(\.url.pathSegments.last) == ["3", "2", "1"])
        #expect(try fixture.programme.actions(ActionFilter(author: fixture.jane)).count == 2)
        #expect(try fixture.programme.actions(ActionFilter(project: fixture.erp)).map(\.email) == [fixture.paul, fixture.jane])
        #expect(
            try fixture.programme.actions(ActionFilter(period: try Period.parse("2026-Q3"))).map(\.date.description) == [
                "2026-09-30"
            ]
        )
        #expect(
            try fixture.programme.actions(
                ActionFilter(author: fixture.jane, project: fixture.erp, period: try Period.parse("2026-Q4"))
            ).isEmpty)
        #expect(throws: StoreError.unknownEmployee(try EmailAddress("ghost@corp.fr"))) {
            try fixture.programme.actions(ActionFilter(author: try EmailAddress("ghost@corp.fr")))
        }
        let project = try fixture.programme.project(fixture.erp)
        #expect(project.actions == 2 && project.advocates == 2)
    }

    @Test func removingAnActionTakesItsMetricsAndOnlyItsAuthorOrAnAdminMay() throws {
        let fixture = try ProgrammeFixture()
        let url = fixture.url("https://x.com/jane/status/1")
        try fixture.programme.logAction(
            try fixture.draft(url.string, projects: [fixture.erp], metrics: try MetricsUpdate(reactions: 2)), by: fixture.jane)
        #expect(throws: CoreError.self) { try fixture.programme.removeAction(url, by: fixture.paul) }
        try fixture.programme.removeAction(url, by: fixture.jane)
        #expect(try fixture.count("action") == 0 && fixture.count("metricsSnapshot") == 0 && fixture.count("actionProject") == 0)
        #expect(throws: StoreError.unknownAction(url)) { try fixture.programme.action(url) }
    }

    @Test func projectsAreManagedByAdminsAndCloseWithAnEndDate() throws {
        let fixture = try ProgrammeFixture()
        #expect(throws: StoreError.duplicateProject(fixture.erp)) {
            try fixture.programme.addProject(
                try Project.validated(code: try ProjectCode("erp-2027"), name: "Again"), by: fixture.admin)
        }
        #expect(throws: CoreError.self) { try fixture.programme.closeProject(fixture.erp, on: fixture.today, by: fixture.jane) }
        let closed = try fixture.programme.closeProject(fixture.erp, on: fixture.today, by: fixture.admin)
        #expect(closed.project.status == .closed && closed.project.end == fixture.today)
        let renamed = try fixture.programme.updateProject(
            fixture.erp, ProjectChanges(name: "ERP finance", weight: 1), by: fixture.admin)
        #expect(renamed.project.name == "ERP finance" && renamed.project.weight == 1 && renamed.project.status == .closed)
    }
}
