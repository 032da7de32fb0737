import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import AdvocacyReport
import Foundation
import Hummingbird

/// Imports of one's own export files as a raw body (`POST /api/v1/imports/{kind}`,
/// the file's bytes with its own type, such as text/csv or application/zip),
/// read by the same importers as `advocacy import` and the /me/import page,
/// all or nothing; and the CIO's report as the HTML `advocacy report` writes.
extension Routes {
    func registerImportAPI(on api: RouterGroup<ServerContext>) {
        api.post("/imports/:kind") { request, context in
            let member = try context.requireMember()
            let kind = context.parameters.get("kind") ?? ""
            guard Self.uploadKinds.contains(kind) else {
                throw ServerError.invalidField(name: "kind", value: kind, expected: WordList.or(Self.uploadKinds))
            }
            let body = try await FormData.collect(request, limit: configuration.uploadLimitBytes)
            guard body.readableBytes > 0 else {
                throw ServerError.invalidField(name: "body", value: "", expected: "the export file's bytes")
            }
            let name = Self.optionalQuery(request, "name") ?? Self.uploadName(type: request.headers[.contentType])
            let source = ImportSource.bytes(Data(body.readableBytesView), name: name)
            let today = today
            let summaries = try await access.run { try Self.importUpload(kind, source, today: today, by: member.email, into: $0) }
            let refused = summaries.contains { !$0.summary.written && !$0.summary.problems.isEmpty }
            return APIResponse.json(try JSONOutput.encoded(summaries), status: refused ? .unprocessableContent : .ok)
        }
        api.get("/report") { request, context in
            let member = try context.requireMember()
            let period = try period(request)
            let language: ReportLanguage = try Self.choiceQuery(request, "lang") ?? context.language.report
            let today = today
            let review = try await access.run {
                try $0.review(period: period, comparison: period.previous, today: today, by: member.email)
            }
            // The HTML `advocacy report` writes: one self-contained document, in the language asked for.
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ProgrammeReport(review, language: language).html())))
        }
    }

    /// What one file (or one sheet of a workbook) brought in.
    struct UploadOutcome: Encodable, Sendable {
        var name: String
        var summary: ImportSummary
    }

    /// A name for an upload that came without one, from its type: the
    /// importers tell files apart by content, the name only shows in messages.
    static func uploadName(type: String?) -> String {
        let type = type?.lowercased().split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return switch type {
        case "text/csv": "upload.csv"
        case "application/zip": "upload.zip"
        case "application/json", "application/activity+json": "upload.json"
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "upload.xlsx"
        default: "upload"
        }
    }

    /// One uploaded export file of `kind`, imported all or nothing for `person`, as the /me/import page does.
    static func importUpload(
        _ kind: String, _ source: ImportSource, today: LocalDate, by person: EmailAddress, into programme: Programme
    ) throws -> [UploadOutcome] {
        switch kind {
        case "x":
            let table = try ImportTable(source, kind: .xAnalytics(author: person))
            return [
                UploadOutcome(
                    name: source.name, summary: try programme.importTable(table, mode: .allOrNothing, today: today, by: person))
            ]
        case "linkedin":
            if Programme.isWorkbook(source) {
                let result = try programme.importLinkedInAnalytics(
                    source, mode: .allOrNothing, author: person, today: today, by: person)
                return [
                    UploadOutcome(name: source.name + " (posts)", summary: result.posts),
                    UploadOutcome(name: source.name + " (followers)", summary: result.audience),
                ]
            }
            let table = try ImportTable(source, kind: .linkedInShares(author: person))
            return [
                UploadOutcome(
                    name: source.name, summary: try programme.importTable(table, mode: .allOrNothing, today: today, by: person))
            ]
        case "mastodon":
            let result = try programme.importMastodonArchive(
                source, mode: .allOrNothing, author: person, today: today, by: person)
            return [UploadOutcome(name: source.name, summary: result.summary)]
        default:
            let table = try ImportTable(source, kind: .actions)
            return [
                UploadOutcome(
                    name: source.name, summary: try programme.importTable(table, mode: .allOrNothing, today: today, by: person))
            ]
        }
    }
}
