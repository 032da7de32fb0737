/// The demo's reward side: a catalogue, the current quarter's budget and
/// some people's wishes.
public struct DemoRewards: Sendable {
    public var catalogue: [RewardItem]
    public var budgetPeriod: Period
    public var budgetCents: Int
    /// Wishes by person, best first.
    public var wishes: [(email: EmailAddress, codes: [RewardCode])]
}

extension DemoProgramme {
    /// Rewards a French IT department offers: training and certifications
    /// tied to its projects, conferences, books, recognition, a little
    /// equipment, and a voucher last.
    static let rewardCatalogue:
        [(
            code: String, name: String, category: RewardCategory, euros: Int, stock: Int?, maxPerPerson: Int?,
            minTier: AudienceTier?, projects: [String]
        )] = [
            ("FORM-K8S", "Formation Kubernetes CKA (3 jours)", .training, 1_450, 3, 1, nil, ["CLOUD-FIRST"]),
            ("CERT-DATA", "Certification Databricks Data Engineer", .certification, 380, 4, 1, nil, ["DATA-PLATFORM"]),
            ("CERT-CISSP", "Certification CISSP", .certification, 749, 2, 1, nil, ["ZERO-TRUST"]),
            ("FORM-IA", "Formation IA générative appliquée (2 jours)", .training, 990, 4, 1, nil, ["IA-ASSIST"]),
            ("CERT-TOGAF", "Certification TOGAF Foundation", .certification, 520, 2, 1, nil, ["API-HUB"]),
            ("CERT-AWS", "Certification AWS Cloud Practitioner", .certification, 95, nil, 1, nil, ["CLOUD-FIRST"]),
            ("FORM-OREILLY", "Abonnement O'Reilly Learning (1 an)", .training, 499, nil, 1, nil, []),
            ("FORM-MOOC", "Parcours de formation en ligne au choix (6 mois)", .training, 300, nil, 1, nil, []),
            ("CERT-PSM", "Certification Professional Scrum Master", .certification, 190, nil, 1, nil, []),
            ("CONF-DEVFEST", "DevFest Nantes, pass 2 jours", .conference, 250, 6, 1, nil, []),
            ("FORM-PAROLE", "Formation prise de parole en public (2 jours)", .training, 1_100, 5, 1, nil, []),
            ("FORM-ECRIT", "Atelier d'écriture technique (1 jour)", .training, 600, nil, 1, nil, []),
            ("CONF-DEVOXX", "Devoxx France, pass 3 jours", .conference, 920, 4, 1, .micro, []),
            ("CONF-BDX", "BDX I/O, pass 1 jour", .conference, 120, nil, 1, nil, []),
            ("BOOK-DDD", "Livre : Domain-Driven Design, Eric Evans", .book, 55, nil, 1, nil, []),
            ("BOOK-ARCHI", "Livre : Fundamentals of Software Architecture", .book, 48, nil, 1, nil, []),
            ("RECO-CODIR", "Présentation de ses travaux au comité de direction", .recognition, 0, 6, 1, nil, []),
            ("EQUIP-MICRO", "Micro USB pour podcasts et vidéos", .equipment, 129, 5, 1, nil, []),
            ("DON-ASSO", "Don à une association du numérique inclusif", .donation, 100, nil, nil, nil, []),
            ("BON-LIVRE", "Chèque-lire de 50 €", .voucher, 50, nil, nil, nil, []),
        ]

    /// The rewards of a generated programme; a separate random stream, so
    /// the people and their work stay the same as without rewards.
    static func rewards(employees: [NewEmployee], projects: [Project], seed: UInt64, today: LocalDate) -> DemoRewards {
        var random = SeededGenerator(seed: seed ^ 0x2E3A_7D00_0000_0004)
        let existing = Set(projects.map(\.code.value))
        // What is bought as needed (books, online courses, cheap certifications) is stocked for one
        // person in ten; donations and vouchers stay unlimited, so they go only to people who wish for them.
        let asNeeded = max(3, employees.count / 10)
        let catalogue = rewardCatalogue.filter { $0.projects.allSatisfy(existing.contains) }.map { entry in
            RewardItem(
                code: RewardCode(alreadyValid: entry.code), name: entry.name, category: entry.category,
                costCents: entry.euros * 100,
                stock: entry.stock ?? ([.donation, .voucher].contains(entry.category) ? nil : asNeeded),
                maxPerPerson: entry.maxPerPerson, minTier: entry.minTier,
                projects: entry.projects.map { ProjectCode(alreadyValid: $0) })
        }
        // About one person in five has said what they would like.
        let codes = catalogue.map(\.code)
        var wishes: [(EmailAddress, [RewardCode])] = []
        for person in employees.dropFirst(3) where random.chance(0.2) {
            var chosen: [RewardCode] = []
            for _ in 0..<random.int(in: 1...2) {
                let code = random.pick(codes)
                if !chosen.contains(code) { chosen.append(code) }
            }
            wishes.append((person.email, chosen))
        }
        // 150 euros per person a quarter, in round hundreds.
        let budget = max(1_000, (employees.count * 150 + 50) / 100 * 100) * 100
        return DemoRewards(catalogue: catalogue, budgetPeriod: .quarter(containing: today), budgetCents: budget, wishes: wishes)
    }
}
