import AdvocacyReport
import HTTPTypes

/// The language of the pages: French or English, from the `lang` cookie
/// the switch sets, else the browser's `Accept-Language`.
enum PageLanguage: String, CaseIterable, Sendable {
    case fr, en

    /// The language a request asks for.
    static func of(cookie: String?, acceptLanguage: String?) -> PageLanguage {
        if let cookie, let chosen = PageLanguage(rawValue: cookie) { return chosen }
        return preferred(byAcceptLanguage: acceptLanguage ?? "")
    }

    /// The first of French or English in the header's order of preference
    /// (`fr-FR,fr;q=0.9,en;q=0.8` is French); English when neither is named.
    static func preferred(byAcceptLanguage header: String) -> PageLanguage {
        let ranked = header.split(separator: ",").enumerated().compactMap { index, part -> (String, Double, Int)? in
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased(), !tag.isEmpty else { return nil }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { quality = Double(piece.dropFirst(2)) ?? 0 }
            return (tag, quality, index)
        }
        let best = ranked.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }
        for (tag, _, _) in best {
            if tag == "fr" || tag.hasPrefix("fr-") { return .fr }
            if tag == "en" || tag.hasPrefix("en-") { return .en }
        }
        return .en
    }

    /// Chooses the French or the English wording.
    func say(_ french: String, _ english: String) -> String { self == .fr ? french : english }

    /// The report's language, for numbers and dates written the same way.
    var report: ReportLanguage { self == .fr ? .fr : .en }

    /// The other language, which the switch offers.
    var other: PageLanguage { self == .fr ? .en : .fr }

    /// The language's own name, shown on the switch.
    var ownName: String { self == .fr ? "Français" : "English" }
}
