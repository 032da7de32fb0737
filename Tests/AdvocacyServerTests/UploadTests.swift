import AdvocacyCore
import AdvocacyServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Uploading one's own export files from the browser: the importers of the
/// CLI, all or nothing, with line numbers.
@Suite("Uploading my exports")
struct UploadTests {
    /// X's tweet-activity export, as X writes it (counts as `424.0`, times with their offset).
    static let xExport = """
        Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes,user profile clicks,url clicks
        1861000000000000001,https://twitter.com/janedoe/status/1861000000000000001,"Notre lakehouse, enfin ouvert",2026-11-12 08:30 +0000,4210.0,188.0,0.0446,12.0,9.0,97.0,14.0,31.0
        1861000000000000002,https://twitter.com/janedoe/status/1861000000000000002,Retour sur la migration,2026-11-15 17:05 +0000,980.0,41.0,0.0418,2.0,3.0,25.0,4.0,6.0

        """

    static func multipart(fields: [(String, String)], file: (field: String, name: String, text: String)) -> (String, String) {
        let boundary = "----advocacyTestBoundary7MA4YWxkTrZu0gW"
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
        body += "Content-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n"
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    func upload(
        _ client: any TestClientProtocol, as email: EmailAddress, kind: String, name: String, text: String, token: String?
    )
        async throws -> TestResponse
    {
        let (type, body) = Self.multipart(
            fields: [("kind", kind)] + (token.map { [("csrf", $0)] } ?? []), file: ("file", name, text))
        return try await client.call(
            .post, "/me/import", as: email, headers: [.contentType: type, .origin: "http://localhost"], body: body)
    }

    @Test("My X analytics export becomes my posts with their figures")
    func xExportUploaded() async throws {
        let harness = try ServerHarness()
        try harness.programme.addChannel(
            try NewChannel(
                owner: harness.jane, url: try CanonicalURL("https://x.com/janedoe"), followersDate: harness.fixture.today),
            by: harness.jane)
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane, page: "/me/import")
            let answer = try await upload(
                client, as: harness.jane, kind: "x", name: "tweet_activity_metrics_janedoe_20261101_20261121_fr.csv",
                text: Self.xExport,
                token: token)
            #expect(answer.status == .ok, "\(answer.text.suffix(800))")
            #expect(answer.text.contains("2 added"))
        }
        let posts = try harness.programme.actions(ActionFilter(author: harness.jane))
        #expect(posts.count == 2)
        #expect(posts.contains { $0.title.contains("lakehouse") && $0.metrics.reactions == 97 })
    }

    @Test("A file with a bad row imports nothing and names the line; a colleague's post is one")
    func badRowRefusesAll() async throws {
        let harness = try ServerHarness()
        try await harness.serve { client in
            let token = try await client.formToken(as: harness.jane, page: "/me/import")
            let csv =
                "email,url,date,title\njane@corp.fr,https://jane.example/blog/one,2026-11-02,Un\njane@corp.fr,https://jane.example/blog/two,2026-13-45,Deux\n"
            let answer = try await upload(
                client, as: harness.jane, kind: "actions", name: "mes-actions.csv", text: csv, token: token)
            #expect(answer.status == .badRequest)
            #expect(answer.text.contains("mes-actions.csv:3:"))
            #expect(answer.text.contains("nothing was imported"))
        }
        #expect(try harness.programme.actions().isEmpty)
    }

    @Test("An upload without the person's token is refused, and one over the limit gets 413")
    func forgedAndTooLarge() async throws {
        let harness = try ServerHarness { $0.uploadLimitBytes = 2_000 }
        try await harness.serve { client in
            let forged = try await upload(client, as: harness.jane, kind: "x", name: "x.csv", text: Self.xExport, token: nil)
            #expect(forged.status == .forbidden)
            let token = try await client.formToken(as: harness.jane, page: "/me/import")
            let big = try await upload(
                client, as: harness.jane, kind: "x", name: "x.csv", text: String(repeating: Self.xExport, count: 10), token: token
            )
            #expect(big.status == .contentTooLarge)
        }
        #expect(try harness.programme.actions().isEmpty)
    }
}
