/// The people of a programme as look-alike checks see them: each address and
/// each name under its UTS #39 skeleton (``Confusable``), so that a new
/// person is checked against everyone with two dictionary look-ups.
///
/// One person, one identity: an address that looks like someone else's
/// (`асе@corp.fr` in Cyrillic beside `ace@corp.fr`, or `jirn@` beside `jim@`)
/// is refused, since it could only be a mistake or someone passing for
/// them. A name that looks like someone else's only warns: two Marie Martin
/// are real people.
public struct LookalikeRegister: Sendable {
    /// Who first had a skeleton: a registered person (`line` nil) or one given earlier in the same file.
    private struct Known: Sendable {
        var email: EmailAddress
        var line: Int?
    }

    private var addresses: [String: Known] = [:]
    private var names: [String: Known] = [:]

    public init() {}

    /// Adds a person, registered (`line` nil) or given on `line` of the file being imported.
    public mutating func add(_ email: EmailAddress, name: String, line: Int? = nil) {
        let known = Known(email: email, line: line)
        // The first to have a skeleton keeps it: an older database may hold two look-alikes already.
        let address = Confusable.skeleton(email.value), key = Confusable.nameKey(Self.visibleName(name))
        if addresses[address] == nil { addresses[address] = known }
        if names[key] == nil { names[key] = known }
    }

    /// Checks a person about to be added: refuses an address that looks like
    /// another one here (``CoreError/lookalikeEmail(_:existing:line:letter:)``),
    /// and returns a warning when the name looks like another person's.
    /// The person's own address, already here, is no look-alike of itself.
    public func check(_ email: EmailAddress, name: String) throws -> LookalikeName? {
        if let other = addresses[Confusable.skeleton(email.value)], other.email != email {
            throw CoreError.lookalikeEmail(
                email.value, existing: other.email, line: other.line, letter: Confusable.firstNonASCIILetter(in: email.value))
        }
        guard let other = names[Confusable.nameKey(Self.visibleName(name))], other.email != email else { return nil }
        return LookalikeName(name: name, existing: other.email, line: other.line)
    }

    /// `name` without the invisible characters a name may hold
    /// (``HiddenCharacter/isNeededInNames(_:)``), which would otherwise tell
    /// apart two names that look the same: "Marie" with a joiner inside is "Marie".
    private static func visibleName(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return name }
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: name.unicodeScalars.filter { !HiddenCharacter.isNeededInNames($0) })
        return String(visible)
    }
}
