import AdvocacyCore
import Foundation

/// What `rewards export` writes, for payroll, an HRIS or Excel: the same bytes
/// whether the CLI writes them to a file or the server sends them.
///
/// Columns and keys are Core's (``RewardProposalRecord/exportColumns``,
/// ``RewardProposalRecord/Export``) in English; in French, the same columns
/// with French headers, amounts in euros and a reason in French
/// (``french(_:)``). Neither form shows control characters as escapes: a
/// cell or a string keeps its bytes, as a payroll file must.
public enum RewardExport {
    /// Which proposals an export holds, as `--status` and the API's
    /// `status` name them; not given: the decided ones to pay.
    public enum Statuses: String, CaseIterable, Sendable {
        case approved, granted, all

        /// The statuses to export: approved and granted when none is chosen, every one for `all`.
        public static func chosen(_ choice: Statuses?) -> Set<RewardStatus>? {
            switch choice {
            case nil: [.approved, .granted]
            case .approved: [.approved]
            case .granted: [.granted]
            case .all: nil
            }
        }
    }

    /// RFC 4180 CSV with a header row and CRLF line ends, formulas neutralised
    /// (Core's ``CSVWriter``); `delimiter` and `byteOrderMark` are for Excel
    /// in a locale whose list separator is `;`, which `.fr` implies.
    public static func csv(
        _ records: [RewardProposalRecord], delimiter: CSVDelimiter = .comma, byteOrderMark: Bool = false,
        locale: ExportLocale = .en
    ) -> String {
        let writer = CSVWriter(delimiter: delimiter, byteOrderMark: byteOrderMark)
        switch locale {
        case .en: return writer.document(header: RewardProposalRecord.exportColumns, rows: records.map(\.exportCells))
        case .fr: return writer.document(header: frenchColumns, rows: records.map(french))
        }
    }

    /// A JSON array of objects with the CSV's columns as keys, money in cents,
    /// ending with a line feed.
    public static func json(_ records: [RewardProposalRecord]) throws -> String {
        String(decoding: try JSONOutput.encoder().encode(records.map(\.export)), as: UTF8.self) + "\n"
    }

    /// The English columns' French headers, in the same order, the amount
    /// in euros (`montant`) followed by its currency.
    public static let frenchColumns = [
        "période", "matricule", "email", "nom", "équipe", "rang", "score", "code", "récompense", "catégorie", "montant",
        "devise", "statut", "raison", "approuvé par", "approuvé le", "note",
    ]

    /// One record for a French spreadsheet: the score and the amount with
    /// a decimal comma and no grouping (numbers to a French Excel, not
    /// text), the approval day as 31/12/2026, and French words.
    public static func french(_ record: RewardProposalRecord) -> [String] {
        [
            record.period, record.hrId ?? "", record.email.value, record.name, record.team ?? "", String(record.rank),
            decimal(record.score, places: 1), record.rewardCode.value, record.rewardName, frenchCategory(record.category),
            decimal(Double(record.costCents) / 100, places: 2), record.currency, frenchStatus(record.status),
            frenchReason(record), record.approvedBy?.value ?? "", record.approvedAt.map(frenchDay) ?? "", record.note ?? "",
        ]
    }

    /// 1234.5 as "1234,5": a decimal comma, no thousands separator, which a French spreadsheet reads as a number.
    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// "2026-12-04T10:15:00Z" as "04/12/2026", the day a French spreadsheet reads as a date.
    static func frenchDay(_ timestamp: String) -> String {
        let day = timestamp.prefix(10).split(separator: "-")
        guard day.count == 3 else { return timestamp }
        return "\(day[2])/\(day[1])/\(day[0])"
    }

    /// Why the reward was proposed, in French, from what the proposal records.
    static func frenchReason(_ record: RewardProposalRecord) -> String {
        let why: String
        switch record.reason {
        case .wish(let rank): why = "c'était son souhait n° \(rank)"
        case .work(let project): why = "liée à son travail sur \(project)"
        case .development: why = "récompense de développement (\(frenchCategory(record.category))) à sa mesure"
        }
        let leftover = record.fromLeftover ? ", payée sur le reliquat du budget" : ""
        return "Rang \(record.rank) avec \(decimal(record.score, places: 1)) points ; \(record.rewardCode) : \(why)\(leftover)."
    }

    static func frenchStatus(_ status: RewardStatus) -> String {
        switch status {
        case .proposed: "proposée"
        case .approved: "approuvée"
        case .rejected: "refusée"
        case .granted: "remise"
        }
    }

    static func frenchCategory(_ category: RewardCategory) -> String {
        switch category {
        case .training: "formation"
        case .certification: "certification"
        case .conference: "conférence"
        case .book: "livre"
        case .recognition: "reconnaissance"
        case .equipment: "équipement"
        case .dayOff: "jour de congé"
        case .donation: "don"
        case .voucher: "bon d'achat"
        }
    }
}
