import AdvocacyCore
import AdvocacyKit
import AdvocacyPresentation
import Foundation
import Hummingbird

/// The scoring policy, as `advocacy policy show|set|history`: everyone reads
/// it, the cio and admins change it (the use case refuses anyone else).
extension Routes {
    func registerPolicyAPI(on api: RouterGroup<ServerContext>) {
        api.get("/policy") { _, context in
            _ = try context.requireMember()
            let (version, policy) = try await access.run { try $0.currentPolicy() }
            return APIResponse.json(Self.policyJSON(version: version, document: policy.document.renderJSON()))
        }
        api.put("/policy") { request, context in
            let member = try context.requireMember()
            let body = try await FormData.collect(request, limit: configuration.requestLimitBytes)
            // Checked as `policy set FILE.json` checks a file: the document, then the policy it describes.
            let policy = try Policy(document: try PolicyValue.parseJSON(String(decoding: body.readableBytesView, as: UTF8.self)))
            let today = today
            let update = try await access.run {
                try $0.setPolicy(policy, effectOn: .quarter(containing: today), today: today, by: member.email)
            }
            return APIResponse.json(try JSONOutput.encoded(PolicyUpdateView(update)))
        }
        api.get("/policy/history") { _, context in
            let member = try context.requireMember()
            let history = try await access.run { try $0.policyHistory(by: member.email) }
            return APIResponse.json(try JSONOutput.encoded(history.map(PolicyHistoryRecord.init)))
        }
    }

    /// `{"policy": …, "version": N}`: the document `policy show --format json`
    /// prints, with the version in force, keys in sorted order as everywhere.
    static func policyJSON(version: Int, document: String) -> String {
        let nested = document.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
        return "{\n  \"policy\" : \(nested),\n  \"version\" : \(version)\n}\n"
    }

    /// What `PUT /api/v1/policy` changed, as `policy set` says it.
    struct PolicyUpdateView: Encodable {
        struct Change: Encodable {
            var key: String
            var old: String?
            var new: String?
        }

        var version: Int
        var previousVersion: Int
        /// Whether a new version was put in force (false when the document changed nothing).
        var changed: Bool
        var changes: [Change]

        init(_ update: PolicyUpdate) {
            version = update.version
            previousVersion = update.previousVersion
            changed = update.isNew
            changes = update.changes.map { Change(key: $0.key, old: $0.old, new: $0.new) }
        }
    }
}
