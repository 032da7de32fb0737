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
    }

    public var employees: [NewEmployee]
    public var projects: [Project]
    public var channels: [ChannelEntry]
    public var actions: [ActionEntry]
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
        .init(code: "ERP-2027", name: "Refonte de l'ERP finance", weight: 3, status: .active, team: "Développement", topic: "la refonte de l'ERP finance"),
        .init(code: "DATA-PLATFORM", name: "Plateforme de données", weight: 3, status: .active, team: "Data", topic: "la plateforme de données"),
        .init(code: "CLOUD-FIRST", name: "Migration vers le cloud", weight: 3, status: .active, team: "Cloud & DevOps", topic: "la migration vers le cloud"),
        .init(code: "ZERO-TRUST", name: "Sécurité zéro confiance", weight: 2, status: .active, team: "Sécurité", topic: "la sécurité zéro confiance"),
        .init(code: "POSTE-2026", name: "Poste de travail 2026", weight: 2, status: .active, team: "Support", topic: "le poste de travail 2026"),
        .init(code: "API-HUB", name: "Catalogue d'API", weight: 2, status: .active, team: "Architecture", topic: "le catalogue d'API"),
        .init(code: "GREEN-IT", name: "Numérique responsable", weight: 1, status: .active, team: "Infrastructure", topic: "le numérique responsable"),
        .init(code: "IA-ASSIST", name: "Assistants d'IA générative", weight: 3, status: .active, team: "Data", topic: "l'IA générative au bureau"),
        .init(code: "SSO-UNIFIE", name: "Identité unifiée", weight: 2, status: .closed, team: "Sécurité", topic: "l'identité unifiée"),
        .init(code: "OBSERVABILITE", name: "Observabilité des applications", weight: 1, status: .active, team: "Infrastructure", topic: "l'observabilité des applications"),
        .init(code: "CRM-360", name: "Relation client 360", weight: 2, status: .planned, team: "Produit numérique", topic: "la relation client 360"),
        .init(code: "DEVEX", name: "Expérience développeur", weight: 1, status: .active, team: "Développement", topic: "l'expérience développeur"),
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
            return try Project(
                code: try ProjectCode(entry.code), name: entry.name, weight: entry.weight, status: entry.status,
                start: entry.status == .planned ? today.adding(days: 60) : entry.code == Self.newestProject ? today.adding(days: -21) : started,
                end: entry.status == .closed ? today.adding(days: -20) : nil)
        }
        let activeProjects = projects.filter { $0.status != .planned && $0.code.value != Self.newestProject }.map(\.code)
        let projectsByTeam = Dictionary(grouping: activeProjects) { code in catalogue.first { $0.code == code.value }?.team ?? "" }
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
            history = history.filter { $0.date < day } + [(day.adding(days: -1), before), (day, before + jump)]
                + history.filter { $0.date > day }.map { ($0.date, $0.count + jump) }
            channels[channelIndex].followerHistory = history
            suspicious.append(channels[channelIndex].channel.url)
        }

        // Actions: a heavy-tailed number per person; many people do little.
        let planned = actionCount.map { plannedActionCounts(total: $0, people: count, seed: seed) }
        var actions: [DemoDataset.ActionEntry] = []
        var titles: [String: (String, String)] = [:]
        var serial = 1_000
        for (index, person) in employees.enumerated() {
            let personChannels = channelsByPerson[index]
            guard !personChannels.isEmpty else { continue }
            let personActions: Int
            if let planned {
                personActions = planned[index]
            } else {
                guard random.chance(index < 3 ? 0.5 : 0.75) else { continue }
                personActions = min(40, Int(exp(1.3 + 0.9 * random.normal())) + 1)
            }
            let affinity = projectsByTeam[person.team ?? ""] ?? []
            // A person writes about the same topic more than once, but never
            // twice under the same title: only the deliberate cross-post below
            // is the same content logged under two addresses.
            var titleUses: [String: Int] = [:]
            for _ in 0..<personActions {
                serial += 1
                let channelIndex = random.pick(personChannels)
                let channel = channels[channelIndex].channel
                let date = start.adding(days: random.int(in: 0...181))
                var kind = channel.kind.defaultActionKind
                if channel.kind == .linkedin && random.chance(0.15) { kind = .article }
                if channel.kind == .internal && random.chance(0.3) { kind = .newsletter }
                if (channel.kind == .x || channel.kind == .linkedin) && random.chance(0.1) {
                    kind = random.chance(0.5) ? .comment : .share
                }
                var tags: [ProjectCode] = []
                if random.chance(0.85) {
                    tags.append(!affinity.isEmpty && random.chance(0.7) ? random.pick(affinity) : random.pick(activeProjects))
                    if random.chance(0.2) { tags.append(random.pick(activeProjects)) }
                }
                let topic = tags.first.flatMap { topics[$0] } ?? "notre DSI"
                let template = random.pick(titleTemplates)
                let key = template + "\u{0}" + topic
                // Folding accents goes through ICU and is slow: do it once per title.
                var (title, slug) = titles[key] ?? {
                    let sentence = template.replacingOccurrences(of: "%@", with: topic)
                    let title = sentence.prefix(1).uppercased() + sentence.dropFirst()
                    let slug = String(ascii(title).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
                        .split(separator: "-").joined(separator: "-")
                    titles[key] = (title, slug)
                    return (title, slug)
                }()
                titleUses[key, default: 0] += 1
                if let uses = titleUses[key], uses > 1 {
                    title += " (\(uses)e partie)"
                    slug += "-\(uses)"
                }
                let address: String
                switch channel.kind {
                case .linkedin: address = "https://linkedin.com/posts/\(channel.url.pathSegments.last ?? "")_\(slug)-\(serial)"
                case .x: address = "https://x.com/\(channel.url.pathSegments.last ?? "")/status/18\(serial)\(random.int(in: 100_000...999_999))"
                case .blog: address = "\(channel.url)/\(date.year)/\(slug)-\(serial)"
                case .youtube: address = "https://youtube.com/watch?v=demo\(serial)"
                case .internal: address = "\(channel.url)/posts/\(serial)"
                default: address = "https://sessionize.com/\(channel.url.pathSegments.last ?? "")/talks/\(slug)-\(serial)"
                }
                // Engagement rate falls with audience size, as every benchmark shows.
                let followers = channels[channelIndex].followerHistory.last { $0.date <= date }?.count
                    ?? channels[channelIndex].followerHistory[0].count
                let audience = max(followers, kind == .talk ? random.int(in: 40...400) : 20)
                let norm = audience < 1_000 ? 0.08 : audience < 10_000 ? 0.04 : audience < 100_000 ? 0.024 : 0.017
                let kindBoost: Double = kind == .article || kind == .talk || kind == .video ? 1.4 : kind == .share ? 0.3 : 1
                var rate = norm * kindBoost * exp(0.5 * random.normal())
                if suspicious.contains(channel.url) && date >= today.adding(days: -50) { rate *= 0.15 }
                let engagement = Double(audience) * rate
                let impressions: Int? = channel.kind == .linkedin || channel.kind == .x
                    ? Int(Double(audience) * (0.4 + random.unit() * 1.2)) : nil
                let full = Metrics(
                    impressions: impressions, reactions: Int(engagement * 0.7), comments: Int(engagement * 0.12),
                    shares: Int(engagement * 0.08), clicks: Int(engagement * 0.1))
                var snapshots: [(LocalDate, Metrics)] = []
                let early = date.adding(days: 2)
                if early < today {
                    snapshots.append((early, Metrics(
                        impressions: full.impressions.map { $0 * 6 / 10 }, reactions: full.reactions * 6 / 10,
                        comments: full.comments * 6 / 10, shares: full.shares * 6 / 10, clicks: full.clicks * 6 / 10)))
                }
                let settled = min(today, date.adding(days: 14))
                if settled > early || snapshots.isEmpty { snapshots.append((settled, full)) }
                actions.append(.init(
                    channelIndex: channelIndex, url: CanonicalURL(alreadyCanonical: address), kind: kind, title: title, date: date,
                    effortHours: kind == .talk && random.chance(0.5) ? Double(random.int(in: 6...16)) : nil,
                    projects: tags.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, metrics: snapshots))
            }
        }
        // One article cross-posted: the same text logged under a second
        // address, which scoring flags as duplicate content.
        if count >= 10, let original = actions.first(where: { $0.kind == .article && $0.date < today.adding(days: -30) }) {
            if actionCount != nil { actions.removeLast() }  // keep the exact count asked for
            var copy = original
            copy.url = CanonicalURL(alreadyCanonical: original.url.string + "-copie")
            copy.date = original.date.adding(days: 1)
            actions.append(copy)
        }
        actions.sort { ($0.date, $0.url) < ($1.date, $1.url) }
        return DemoDataset(
            employees: employees, projects: projects, channels: channels, actions: actions,
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
        return String(folded.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == " ") }
            .map { Character($0) }).replacingOccurrences(of: " ", with: "-")
    }
}
