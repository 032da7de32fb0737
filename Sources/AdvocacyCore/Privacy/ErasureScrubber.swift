import Foundation

/// Takes an erased person out of free text (a reviewer's note, a value in
/// the audit trail's JSON): their name and email become the pseudonym's,
/// their HR id, handles and addresses become "[erased]". Matching ignores
/// case and accents ("JANE DOE", "jane doe", "Jane Doé"), and a term counts
/// only as a whole word, so an HR id `1234` leaves `12345` alone.
public struct ErasureScrubber: Sendable {
    /// Each term with what replaces it, longest first (an address before
    /// the handle inside it).
    public let replacements: [(term: String, replacement: String)]

    public static let erased = "[erased]"

    /// - Parameters:
    ///   - channels: the person's channel addresses; accounts give their
    ///     handle too (`x.com/janedoe` → `@janedoe`, and `janedoe` when it
    ///     is 6 characters or more: a shorter one is too likely a word).
    ///   - addresses: their actions' addresses.
    public init(
        name: String, email: EmailAddress, hrID: String?, channels: [String], addresses: [String], pseudonym: Pseudonym
    ) {
        var terms: [(String, String)] = [(name, pseudonym.name), (email.value, pseudonym.email.value)]
        if email.localPart.count >= 3 { terms.append((email.localPart, Self.erased)) }
        if let hrID, !hrID.isEmpty { terms.append((hrID, Self.erased)) }
        for address in channels + addresses {
            terms.append((address, Self.erased))
            let bare = address.drop { $0 != ":" }.dropFirst(3)
            if !bare.isEmpty { terms.append((String(bare), Self.erased)) }
        }
        for channel in channels {
            guard let url = try? CanonicalURL(channel), ChannelLocator.inferredKind(of: url) != .blog,
                let last = url.pathSegments.last
            else { continue }
            let handle = last.hasPrefix("@") ? String(last.dropFirst()) : last
            guard handle.count >= 2 else { continue }
            terms.append(("@" + handle, Self.erased))
            if handle.count >= 6 { terms.append((handle, Self.erased)) }
        }
        var seen: Set<String> = []
        replacements = terms.filter {
            !$0.0.trimmingCharacters(in: .whitespaces).isEmpty && seen.insert($0.0.lowercased()).inserted
        }
        .sorted { $0.0.count > $1.0.count }
    }

    /// `text` without the person, or nil when it does not name them.
    public func scrubbed(_ text: String) -> String? {
        var result = text
        var changed = false
        for (term, replacement) in replacements {
            var searchStart = result.startIndex
            while let found = result.range(
                of: term, options: [.caseInsensitive, .diacriticInsensitive], range: searchStart..<result.endIndex)
            {
                guard Self.isWhole(found, in: result) else {
                    searchStart = found.upperBound
                    continue
                }
                result.replaceSubrange(found, with: replacement)
                searchStart = result.index(found.lowerBound, offsetBy: replacement.count)
                changed = true
            }
        }
        return changed ? result : nil
    }

    /// A JSON object's text (the audit trail's `before` or `after`) with
    /// the person taken out of its string values, keys and numbers left as
    /// they are; nil when none names them.
    public func scrubbedJSON(_ json: String) -> String? {
        // Most entries name no one: the text alone says so, without parsing it.
        guard scrubbed(json) != nil,
            let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
                as? [String: Any]
        else { return nil }
        var changed = false
        var result = object
        for (key, value) in object {
            if let text = value as? String, let clean = scrubbed(text) {
                result[key] = clean
                changed = true
            }
        }
        guard changed,
            let data = try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether `range` is a whole word of `text`: no letter or digit runs
    /// on either side of it.
    private static func isWhole(_ range: Range<String.Index>, in text: String) -> Bool {
        func isWordCharacter(_ character: Character?) -> Bool { character.map { $0.isLetter || $0.isNumber } ?? false }
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : nil
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : nil
        let first = text[range.lowerBound], last = text[text.index(before: range.upperBound)]
        return !(isWordCharacter(first) && isWordCharacter(before)) && !(isWordCharacter(last) && isWordCharacter(after))
    }
}
