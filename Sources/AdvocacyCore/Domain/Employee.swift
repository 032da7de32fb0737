import Foundation

/// A member of staff taking part in (or running) the programme.
public struct Employee: Hashable, Codable, Sendable {
    public var email: EmailAddress
    public var name: String
    public var team: String?
    public var role: Role
    public var hrID: String?
    public var isActive: Bool
    public var createdAt: Date

    public init(
        email: EmailAddress, name: String, team: String? = nil, role: Role = .staff, hrID: String? = nil,
        isActive: Bool = true, createdAt: Date
    ) {
        self.email = email
        self.name = name
        self.team = team
        self.role = role
        self.hrID = hrID
        self.isActive = isActive
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case email, name, team, role
        case hrID = "hrId"
        case isActive = "active"
        case createdAt
    }

    // Absent values are written as null, so every object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(email, forKey: .email)
        try c.encode(name, forKey: .name)
        try c.encode(team, forKey: .team)
        try c.encode(role, forKey: .role)
        try c.encode(hrID, forKey: .hrID)
        try c.encode(isActive, forKey: .isActive)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

/// An employee with their channels and how much they have logged.
extension Employee {
    /// The employee as someone who may not read payroll ids sees them.
    public var withoutHRID: Employee {
        var employee = self
        employee.hrID = nil
        return employee
    }
}

public struct EmployeeProfile: Hashable, Encodable, Sendable {
    public var employee: Employee
    public var channels: [Channel]
    public var actions: Int
    public var lastActionDate: LocalDate?

    public init(employee: Employee, channels: [Channel], actions: Int, lastActionDate: LocalDate?) {
        self.employee = employee
        self.channels = channels
        self.actions = actions
        self.lastActionDate = lastActionDate
    }

    enum CodingKeys: String, CodingKey { case channels, actions, lastActionDate }

    /// One flat object: the employee's fields beside their channels and activity.
    public func encode(to encoder: any Encoder) throws {
        try employee.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channels, forKey: .channels)
        try container.encode(actions, forKey: .actions)
        try container.encode(lastActionDate, forKey: .lastActionDate)
    }
}

/// What is needed to register an employee.
public struct NewEmployee: Hashable, Sendable {
    public var email: EmailAddress
    public var name: String
    public var team: String?
    public var role: Role
    public var hrID: String?

    /// Validates the free-text fields (trimmed, non-empty, bounded; the name
    /// without bidi controls or invisible characters).
    public init(email: EmailAddress, name: String, team: String? = nil, role: Role = .staff, hrID: String? = nil) throws {
        self.email = email
        self.name = try TextField.required(name, field: "name", limit: 200, rule: .name)
        self.team = try TextField.optional(team, field: "team", limit: 100)
        self.role = role
        self.hrID = try TextField.optional(hrID, field: "HR id", limit: 64)
    }
}

/// Changes to an employee; `nil` leaves a field as it is. An empty team or
/// HR id clears it.
public struct EmployeeChanges: Hashable, Sendable {
    public var name: String?
    public var team: String??
    public var role: Role?
    public var hrID: String??
    public var isActive: Bool?

    public init(name: String? = nil, team: String? = nil, role: Role? = nil, hrID: String? = nil, isActive: Bool? = nil) throws {
        self.name = try name.map { try TextField.required($0, field: "name", limit: 200, rule: .name) }
        self.team = try team.map { try TextField.optional($0, field: "team", limit: 100) }
        self.role = role
        self.hrID = try hrID.map { try TextField.optional($0, field: "HR id", limit: 64) }
        self.isActive = isActive
    }
}

/// Shared checks for free text typed by people.
public enum TextField {
    /// Trims, turns tabs and line breaks into spaces, and refuses empty text,
    /// text over `limit` characters and other control characters.
    ///
    /// Control characters (NUL, ESC, BEL, DEL, the C1 controls) are refused
    /// rather than dropped: text is either kept as typed or refused, and these
    /// would only ever be a mistake or an attempt to drive someone's terminal.
    /// Format characters are refused or kept as `rule` says (see ``Rule``).
    public static func required(_ text: String, field: String, limit: Int, rule: Rule = .text) throws -> String {
        // Most text is plain ASCII with nothing to trim or replace: check the
        // bytes once rather than walk Characters three times (imports pass here per row).
        let kept = isPlain(text, limit: limit) ? text : try trimmedAndSpaced(text, field: field, limit: limit)
        let refused: Unicode.Scalar? =
            switch rule {
            case .text: nil
            case .title: HiddenCharacter.firstReordering(kept)
            case .name: HiddenCharacter.firstRefusedInName(kept)
            }
        if let refused { throw CoreError.hiddenCharacter(field: field, codePoint: refused.value) }
        return kept
    }

    /// Which format characters a field refuses. Text is kept byte for byte or
    /// refused, never cleaned: what is stored is what was typed.
    public enum Rule: Sendable {
        /// Notes, reasons, teams, HR ids: format characters are kept (a
        /// zero-width joiner, a right-to-left mark: text in many scripts needs them).
        case text
        /// What is shown as the name of a thing (an action's title, a project's
        /// name): no embedding, override or isolate (U+202A–U+202E,
        /// U+2066–U+2069), which display text in another order than it is
        /// stored ("Jane U+202E gpj.exe" shows as "Jane exe.jpg"). The marks
        /// (U+200E, U+200F, U+061C) and invisible characters are kept: a
        /// Hebrew or Arabic title with a number in it needs the marks, and a
        /// title identifies no one.
        case title
        /// A person's name, which tells people apart: no bidi control and no
        /// invisible character but those writing needs (the joiners U+200C and
        /// U+200D for Persian and the Indic scripts, variation selectors; see
        /// ``HiddenCharacter/isNeededInNames(_:)``), so that two names that
        /// look the same differ in nothing hidden.
        case name
    }

    /// `text` trimmed, with tabs and line breaks made spaces, or refused when
    /// then empty, too long or holding another control character.
    private static func trimmedAndSpaced(_ text: String, field: String, limit: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw CoreError.emptyText(field: field) }
        guard trimmed.count <= limit else { throw CoreError.textTooLong(field: field, limit: limit) }
        let folded = String(trimmed.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if let control = folded.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            throw CoreError.controlCharacter(field: field, codePoint: control.value)
        }
        return folded
    }

    /// Whether `text` needs no trimming or replacing: at both ends printable
    /// ASCII or a scalar that is neither space nor control, and inside no control character, C1 control (U+0080–U+009F,
    /// NEL among them) or line/paragraph separator (U+2028, U+2029); and
    /// short enough even counted in bytes.
    private static func isPlain(_ text: String, limit: Int) -> Bool {
        let bytes = text.utf8
        // A French title often ends (or starts) with an accented letter: that needs no trimming.
        func isKept(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? scalar.value > 0x20 && scalar.value < 0x7F
                : !scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
        }
        guard bytes.count <= limit, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            isKept(first), isKept(last)
        else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return false }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return false }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return false }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    /// Like ``required(_:field:limit:rule:)`` but empty text means "none".
    public static func optional(_ text: String?, field: String, limit: Int, rule: Rule = .text) throws -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try required(text, field: field, limit: limit, rule: rule)
    }
}

extension EmployeeChanges {
    /// `employee` with these changes made; what is not given stays as it was
    /// (a team or HR id given as nil is cleared).
    public func applied(to employee: Employee) -> Employee {
        var changed = employee
        if let name { changed.name = name }
        if let team { changed.team = team }
        if let role { changed.role = role }
        if let hrID { changed.hrID = hrID }
        if let isActive { changed.isActive = isActive }
        return changed
    }
}

extension Employee {
    /// An admin who takes part: the programme always keeps at least one.
    public var isActiveAdmin: Bool { role == .admin && isActive }
}
