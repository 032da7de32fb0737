import Foundation

/// A fictional IT department, generated from a seed, for trying the tool.
public struct DemoDataset: Sendable {
    public struct ChannelEntry: Sendable {
        public var channel: NewChannel
        /// Follower counts by day, oldest first.
        public var followerHistory: [(date: LocalDate, count: Int)]
    }

    public struct ActionEntry: Sendable {
        /// Index into ``DemoDataset/channels``.
        public var channelIndex: Int
        public var url: CanonicalURL
        public var kind: ActionKind
        public var title: String
        public var date: LocalDate
        public var effortHours: Double?
        public var projects: [ProjectCode]
        /// Metrics snapshots by day, oldest first.
        public var metrics: [(date: LocalDate, metrics: Metrics)]
        /// Where its figures came from, and where it stands in review.
        public var figureSource: FigureSource = .typed
        public var review: ReviewStatus = .accepted
    }

    public var employees: [NewEmployee]
    public var projects: [Project]
    public var channels: [ChannelEntry]
    /// The actions, made one person at a time as they are read, so a
    /// programme of five million actions never sits in memory; reading it
    /// twice gives the same actions.
    public var actionStream: DemoActions
    /// Emails of the people a new user can act as.
    public var admin: EmailAddress
    public var cio: EmailAddress
    public var hr: EmailAddress
    /// Channels given a suspicious, unexplained follower jump.
    public var suspiciousChannels: [CanonicalURL]
    /// The days the actions span.
    public var period: Period
    /// The catalogue, budget and wishes.
    public var rewards: DemoRewards

    /// Every action, in one array, generated again at each call: for small
    /// programmes and tests (large ones go through ``actionStream``).
    public func allActions() -> [ActionEntry] { Array(actionStream) }

    /// How many people fall in each tier, by their largest audience at the end.
    public var peopleByTier: [AudienceTier: Int] {
        var largest: [EmailAddress: Int] = [:]
        for entry in channels {
            let last = entry.followerHistory.last?.count ?? 0
            largest[entry.channel.owner] = max(largest[entry.channel.owner] ?? 0, last)
        }
        return employees.reduce(into: [:]) { counts, person in
            counts[AudienceTier(followers: largest[person.email] ?? 0), default: 0] += 1
        }
    }
}

/// Builds ``DemoDataset``s: teams, 8–12 projects, heavy-tailed audiences
/// from nano to macro, engagement rates that fall with audience size, and
/// talks, articles and posts over the last two quarters.
public enum DemoProgramme {
    static let teams = [
        "Infrastructure", "Développement", "Data", "Sécurité", "Support", "Architecture", "Cloud & DevOps",
        "Produit numérique",
    ]
    static let firstNames = [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Zoé", "Emma", "Sarah", "Juliette", "Alice",
        "Lucas", "Hugo", "Louis", "Nathan", "Gabriel", "Jules", "Arthur", "Théo", "Raphaël", "Tom", "Mehdi", "Karim",
        "Yasmine", "Amina", "Nicolas", "Julien", "Thomas", "Sophie", "Claire", "Antoine", "Maxime", "Élodie",
        "Aurélien", "Bastien", "Céline", "Damien", "Fanny", "Grégoire",
    ]
    static let lastNames = [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
        "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
        "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Benali", "Nguyen",
        "Haddad", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
    ]
    /// A project of the fictional department.
    struct CatalogueProject {
        var code: String
        var name: String
        var weight: Int
        var status: ProjectStatus
        /// The team most likely to talk about it.
        var team: String
        /// The name as it reads inside a sentence.
        var topic: String
    }

    static let projectCatalogue: [CatalogueProject] = [
        .init(
            code: "ERP-2027", name: "Refonte de l'ERP finance", weight: 3, status: .active, team: "Développement",
            topic: "la refonte de l'ERP finance"),
        .init(
            code: "DATA-PLATFORM", name: "Plateforme de données", weight: 3, status: .active, team: "Data",
            topic: "la plateforme de données"),
        .init(
            code: "CLOUD-FIRST", name: "Migration vers le cloud", weight: 3, status: .active, team: "Cloud & DevOps",
            topic: "la migration vers le cloud"),
        .init(
            code: "ZERO-TRUST", name: "Sécurité zéro confiance", weight: 2, status: .active, team: "Sécurité",
            topic: "la sécurité zéro confiance"),
        .init(
            code: "POSTE-2026", name: "Poste de travail 2026", weight: 2, status: .active, team: "Support",
            topic: "le poste de travail 2026"),
        .init(
            code: "API-HUB", name: "Catalogue d'API", weight: 2, status: .active, team: "Architecture",
            topic: "le catalogue d'API"),
        .init(
            code: "GREEN-IT", name: "Numérique responsable", weight: 1, status: .active, team: "Infrastructure",
            topic: "le numérique responsable"),
        .init(
            code: "IA-ASSIST", name: "Assistants d'IA générative", weight: 3, status: .active, team: "Data",
            topic: "l'IA générative au bureau"),
        .init(
            code: "SSO-UNIFIE", name: "Identité unifiée", weight: 2, status: .closed, team: "Sécurité",
            topic: "l'identité unifiée"),
        .init(
            code: "OBSERVABILITE", name: "Observabilité des applications", weight: 1, status: .active, team: "Infrastructure",
            topic: "l'observabilité des applications"),
        .init(
            code: "CRM-360", name: "Relation client 360", weight: 2, status: .planned, team: "Produit numérique",
            topic: "la relation client 360"),
        .init(
            code: "DEVEX", name: "Expérience développeur", weight: 1, status: .active, team: "Développement",
            topic: "l'expérience développeur"),
    ]
    static let titleTemplates = [
        "Ce que nous avons appris sur %@", "Retour d'expérience : %@ en production", "%@ : les coulisses du projet",
        "Pourquoi %@ change notre quotidien", "Cinq erreurs à éviter pour %@", "%@, six mois après",
        "Comment nous mesurons l'impact sur %@", "Nos choix techniques pour %@",
    ]

    /// A strategic project launched three weeks ago that nobody has written
    /// about yet: the gap the CIO's report points at.
    static let newestProject = "IA-ASSIST"

    /// Generates a programme of `employeeCount` people (at least 3: the
    /// admin, the CIO and the HR officer) whose activity ends on `today`.
    /// `actionCount`, when given, is the exact number of actions (spread over
    /// the people in the same heavy-tailed way); otherwise a natural number,
    /// about four per person.
    public static func generate(
        employees employeeCount: Int, actions actionCount: Int? = nil, seed: UInt64, today: LocalDate
    ) throws -> DemoDataset {
        var random = SeededGenerator(seed: seed)
        let count = max(3, employeeCount)
        let start = today.adding(days: -181)

        // Projects.
        let projectCount = min(projectCatalogue.count, random.int(in: 8...12))
        let catalogue = projectCatalogue.prefix(projectCount)
        let projects = try catalogue.map { entry in
            let started = start.adding(days: -random.int(in: 30...400))
            return Project(
                code: try ProjectCode(entry.code), name: entry.name, weight: entry.weight, status: entry.status,
                start: entry.status == .planned
                    ? today.adding(days: 60) : entry.code == Self.newestProject ? today.adding(days: -21) : started,
                end: entry.status == .closed ? today.adding(days: -20) : nil)
        }
        let activeProjects = projects.filter { $0.status != .planned && $0.code.value != Self.newestProject }.map(\.code)
        let projectsByTeam = Dictionary(grouping: activeProjects) { code in catalogue.first { $0.code == code.value }?.team ?? ""
        }
        let topics = Dictionary(uniqueKeysWithValues: catalogue.map { (ProjectCode(alreadyValid: $0.code), $0.topic) })

        // People.
        var employees: [NewEmployee] = []
        var usedEmails = Set<String>()
        for index in 0..<count {
            let first = random.pick(firstNames), last = random.pick(lastNames)
            var local = ascii("\(first).\(last)")
            if usedEmails.contains(local) { local += "\(index)" }
            usedEmails.insert(local)
            let role: Role = index == 0 ? .admin : index == 1 ? .cio : index == 2 ? .hr : .staff
            let team = index == 1 ? "Direction" : index == 2 ? "Ressources humaines" : random.pick(teams)
            let hrID = "M" + String(10_000 + index * 7 + random.int(in: 0...6))
            employees.append(
                try NewEmployee(
                    email: try EmailAddress("\(local)@dsi.example.fr"), name: "\(first) \(last)", team: team,
                    role: role, hrID: hrID))
        }

        // Channels, with audiences drawn from a log-normal law: most people
        // are nano or micro, a few mid, one or two macro.
        var channels: [DemoDataset.ChannelEntry] = []
        var channelsByPerson: [[Int]] = Array(repeating: [], count: count)
        var suspicious: [CanonicalURL] = []
        let macroIndex = count > 10 ? random.int(in: 3...(count - 1)) : -1
        let midIndex = count > 10 ? 3 + (macroIndex - 2) % (count - 3) : -1
        for (index, person) in employees.enumerated() {
            let handle = person.email.localPart.replacingOccurrences(of: ".", with: "")
            var audience = Int(exp(log(1_800.0) + 1.7 * random.normal()))
            if index == macroIndex { audience = random.int(in: 520_000...780_000) }
            if index == midIndex { audience = random.int(in: 120_000...380_000) }
            audience = min(max(audience, 40), 900_000)
            var kinds: [ChannelKind] = []
            if random.chance(0.85) || index == macroIndex || index == midIndex { kinds.append(.linkedin) }
            if random.chance(0.35) { kinds.append(.x) }
            if random.chance(0.3) { kinds.append(.blog) }
            if random.chance(0.1) || index == macroIndex { kinds.append(.youtube) }
            if random.chance(0.3) { kinds.append(.internal) }
            if random.chance(0.15) { kinds.append(.talk) }
            if kinds.isEmpty { kinds.append(.internal) }
            for kind in kinds {
                let address: String
                switch kind {
                case .linkedin: address = "https://linkedin.com/in/\(handle)"
                case .x: address = "https://x.com/\(handle)"
                case .blog: address = "https://\(handle).github.io"
                case .youtube: address = "https://youtube.com/@\(handle)"
                case .internal: address = "https://reseau.dsi.example.fr/people/\(handle)"
                default: address = "https://sessionize.com/\(handle)"
                }
                let share = kind == .linkedin ? 1.0 : kind == .internal ? 0.05 : 0.2 + random.unit() * 0.6
                let final = max(kind == .talk ? 0 : 10, Int(Double(audience) * share))
                var history: [(LocalDate, Int)] = []
                var value = Double(final) / (1.0 + random.unit() * 0.25)
                for month in stride(from: 6, through: 0, by: -1) {
                    history.append((today.adding(days: -30 * month), Int(value)))
                    value = min(Double(final), value * (1.0 + random.unit() * 0.05))
                }
                history[history.count - 1].1 = final
                let url = CanonicalURL(alreadyCanonical: address)
                let channel = try NewChannel(
                    owner: person.email, url: url, kind: kind, followers: nil, followersDate: today)
                channelsByPerson[index].append(channels.count)
                channels.append(.init(channel: channel, followerHistory: history))
            }
        }
        // A couple of suspicious jumps: a round number of followers gained in a day.
        let candidates = channels.indices.filter { channels[$0].channel.kind == .linkedin || channels[$0].channel.kind == .x }
        for channelIndex in candidates.prefix(count >= 10 ? 2 : 0).map({ candidates[($0 * 7 + 3) % candidates.count] }) {
            var history = channels[channelIndex].followerHistory
            let jump = random.pick([10_000, 20_000, 50_000])
            let day = today.adding(days: -random.int(in: 20...50))
            let before = history.last { $0.date < day }?.count ?? 500
            history =
                history.filter { $0.date < day } + [(day.adding(days: -1), before), (day, before + jump)]
                + history.filter { $0.date > day }.map { ($0.date, $0.count + jump) }
            channels[channelIndex].followerHistory = history
            suspicious.append(channels[channelIndex].channel.url)
        }

        // Actions: a heavy-tailed number per person; many people do little.
        let planned = actionCount.map { plannedActionCounts(total: $0, people: count, seed: seed) }
        let actions = DemoActions(
            random: random, employees: employees, channels: channels, channelsByPerson: channelsByPerson, planned: planned,
            projectsByTeam: projectsByTeam, activeProjects: activeProjects, topics: topics, suspicious: suspicious, start: start,
            today: today)
        return DemoDataset(
            employees: employees, projects: projects, channels: channels, actionStream: actions,
            admin: employees[0].email, cio: employees[1].email, hr: employees[2].email,
            suspiciousChannels: suspicious, period: .range(from: start, to: today),
            rewards: rewards(employees: employees, projects: projects, seed: seed, today: today))
    }

    /// Splits `total` actions over `people` with the same heavy tail as the
    /// natural demo: a quarter of the people do nothing, a few do a lot.
    static func plannedActionCounts(total: Int, people: Int, seed: UInt64) -> [Int] {
        var random = SeededGenerator(seed: seed ^ 0x5EED_AC71_0000_0001)
        let weights = (0..<people).map { _ in random.chance(0.75) ? exp(1.3 + 0.9 * random.normal()) : 0 }
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return Array(repeating: 0, count: people) }
        let shares = weights.map { $0 / sum * Double(total) }
        var counts = shares.map { Int($0) }
        // Largest remainders first, so the counts add up to exactly `total`.
        let missing = total - counts.reduce(0, +)
        let byRemainder = shares.indices.sorted { shares[$0] - Double(counts[$0]) > shares[$1] - Double(counts[$1]) }
        for index in byRemainder.prefix(missing) { counts[index] += 1 }
        return counts
    }

    /// Strips accents and keeps letters, digits, dots and dashes, for emails and slugs.
    static func ascii(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR"))
        return String(
            folded.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == " ")
            }
            .map { Character($0) }
        ).replacingOccurrences(of: " ", with: "-")
    }
}
