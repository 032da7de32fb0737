import AdvocacyCore
import Foundation

/// Every word of the report, in French and English side by side, so that
/// no phrase exists in one language only.
struct ReportWording: Sendable {
    let language: ReportLanguage
    let policy: Policy

    /// The French or English wording; French gets its no-break spaces
    /// before `:` and `;` and inside « », so a line never breaks there.
    private func say(_ french: String, _ english: String) -> String {
        guard language == .fr else { return english }
        return french.replacingOccurrences(of: " :", with: "\u{00A0}:").replacingOccurrences(of: " ;", with: "\u{202F};")
            .replacingOccurrences(of: "« ", with: "«\u{00A0}").replacingOccurrences(of: " »", with: "\u{00A0}»")
    }

    /// "1 action", "3 actions"; French is singular below 2 ("0 action").
    private func count(_ n: Int, _ one: String, _ many: String) -> String {
        "\(language.integer(n)) \((language == .fr ? n < 2 : n == 1) ? one : many)"
    }

    private func multiplier(_ value: Double) -> String {
        "×" + language.number(value, decimals: value == value.rounded() ? 0 : value * 10 == (value * 10).rounded() ? 1 : 2)
    }

    // MARK: Header

    var title: String { say("Programme d'influence de la DSI", "IT department advocacy programme") }
    var documentTitle: String { say("Rapport d'influence", "Advocacy report") }

    func toDate(_ period: String, day: String, elapsed: Int, of total: Int) -> String {
        say(
            "\(period), au \(day) (\(language.integer(elapsed)) jours sur \(language.integer(total)))",
            "\(period), to \(day) (\(language.integer(elapsed)) of \(language.integer(total)) days)")
    }

    /// The policy versions behind the figures; the comparison period's is
    /// named when it is not the current one's (a period keeps the version in
    /// force when it ended).
    func provenance(version: Int, comparison: (period: String, version: Int)?, on day: String) -> String {
        let older = comparison.map { say(" (\($0.period)\u{00A0}: v\($0.version))", " (\($0.period): v\($0.version))") } ?? ""
        return say(
            "Politique de score v\(version)\(older) · établi le \(day)", "Scoring policy v\(version)\(older) · as of \(day)")
    }

    /// "T3 2026 : 812" / "Q3 2026: 812" (French puts a no-break space before the colon).
    func labelled(_ label: String, _ value: String) -> String {
        label + say("\u{00A0}: ", ": ") + value
    }

    /// "Comparaison : T3 2026": a label, which reads right with any kind of period.
    func comparedWith(_ period: String) -> String { say("comparaison : \(period)", "compared with: \(period)") }

    // MARK: At a glance

    var atAGlance: String { say("À retenir", "At a glance") }

    func leader(_ name: String, score: String, tier: String) -> String {
        say("En tête : \(name), \(score) points (palier \(tier)).", "Leading: \(name), \(score) points (\(tier) tier).")
    }

    func pace(now: String, before: String, comparison: String) -> String {
        say(
            "Rythme : \(now) actions par semaine (\(comparison) : \(before)).",
            "Pace: \(now) actions a week (\(comparison): \(before)).")
    }

    func gapsHighlight(_ codes: [String]) -> String {
        let list = codes.joined(separator: ", ")
        return codes.count == 1
            ? say("1 projet actif sans ambassadeur : \(list).", "1 active project with no advocate: \(list).")
            : say(
                "\(language.integer(codes.count)) projets actifs sans ambassadeur : \(list).",
                "\(language.integer(codes.count)) active projects with no advocate: \(list).")
    }

    func flagsHighlight(_ people: Int) -> String {
        people == 1
            ? say("1 personne a un signal d'authenticité à examiner.", "1 person has an authenticity flag to look at.")
            : say(
                "\(language.integer(people)) personnes ont un signal d'authenticité à examiner.",
                "\(language.integer(people)) people have an authenticity flag to look at.")
    }

    // MARK: Key figures

    var keyFigures: String { say("Chiffres clés", "Key figures") }
    var activeAdvocates: String { say("Ambassadeurs actifs / salariés", "Active advocates / employees") }
    var actions: String { say("Actions", "Actions") }
    var totalEngagement: String { say("Engagement total", "Total engagement") }
    var medianRates: String { say("Engagement médian par palier", "Median engagement rate by tier") }
    var rewardBudget: String { say("Budget des récompenses", "Reward budget") }
    var noBudget: String { say("aucun budget fixé", "no budget set") }
    /// What is proposed (not rejected), and how much of it is approved or granted.
    func budgetUse(proposed: String, approved: String) -> String {
        say("proposé \(proposed), dont approuvé \(approved)", "proposed \(proposed), of which approved \(approved)")
    }
    /// Said of a finished period beside one still running.
    func sameStage(_ value: String, whole: String) -> String {
        say("au même stade \(value) (en tout \(whole))", "at the same stage \(value) (in all \(whole))")
    }
    func whole(_ period: String) -> String { say("\(period), en tout", "\(period), in all") }
    var engagementNote: String {
        let weights = policy.scoring
        return say(
            "réactions + commentaires ×\(language.number(weights.commentWeight, decimals: 1)) + partages ×\(language.number(weights.shareWeight, decimals: 1)) + clics ×\(language.number(weights.clickWeight, decimals: 1))",
            "reactions + comments ×\(language.number(weights.commentWeight, decimals: 1)) + shares ×\(language.number(weights.shareWeight, decimals: 1)) + clicks ×\(language.number(weights.clickWeight, decimals: 1))"
        )
    }
    func ratedOver(_ n: Int) -> String { say("sur \(count(n, "action", "actions"))", "over \(count(n, "action", "actions"))") }
    var noRate: String { say("aucune donnée", "no figures") }

    // MARK: Vocabulary

    func tier(_ tier: AudienceTier) -> String {
        switch tier {
        case .nano: "nano"
        case .micro: "micro"
        case .mid: say("intermédiaire", "mid")
        case .macro: "macro"
        case .mega: say("méga", "mega")
        }
    }

    /// "micro (1 000 – 100 000)": the tier with the policy's thresholds.
    func tierWithRange(_ tier: AudienceTier) -> String {
        let thresholds = policy.scoring.tierThresholds
        let index = AudienceTier.allCases.firstIndex(of: tier) ?? 0
        let low = index == 0 ? nil : thresholds[safe: index - 1]
        let high = thresholds[safe: index]
        let range: String
        switch (low, high) {
        case (nil, let high?): range = say("<\u{00A0}\(language.integer(high))", "< \(language.integer(high))")
        case (let low?, nil): range = "≥ \(language.integer(low))"
        case (let low?, let high?): range = "\(language.integer(low))–\(language.integer(high))"
        case (nil, nil): return self.tier(tier)
        }
        return "\(self.tier(tier)) (\(range))"
    }

    func status(_ status: RewardStatus) -> String {
        switch status {
        case .proposed: say("proposé", "proposed")
        case .approved: say("approuvé", "approved")
        case .rejected: say("refusé", "rejected")
        case .granted: say("remis", "granted")
        }
    }

    func category(_ category: RewardCategory) -> String {
        switch category {
        case .training: say("formation", "training")
        case .certification: "certification"
        case .conference: say("conférence", "conference")
        case .book: say("livre", "book")
        case .recognition: say("reconnaissance", "recognition")
        case .equipment: say("équipement", "equipment")
        case .dayOff: say("jour de congé", "day off")
        case .donation: say("don", "donation")
        case .voucher: say("bon d'achat", "voucher")
        }
    }

    func flagKind(_ kind: AuthenticityFlag.Kind) -> String {
        switch kind {
        case .followerSpike: say("pic d'abonnés", "follower spike")
        case .lowEngagement: say("engagement faible", "low engagement")
        case .duplicateContent: say("contenu dupliqué", "duplicate content")
        case .highEngagement: say("engagement très au-dessus de la norme", "engagement far above the norm")
        case .busyDay: say("rafale d'actions en un jour", "many actions in a day")
        case .linksWithoutFigures: say("liens sans chiffres en rafale", "links without figures")
        case .riseOnPending: say("hausse sur du travail non vérifié", "rise on unreviewed work")
        case .nearDuplicate: say("même publication sous deux adresses", "one post under two addresses")
        }
    }

    /// What a flag for gaming costs (nothing until the cio decides), in French:
    /// the English reason, from Core, says it already.
    var gamingFlagNote: String {
        say(
            " ; à vérifier : sans effet sur le score tant que le DSI ne le confirme pas ('advocacy review confirm' ou 'clear')",
            "")
    }

    /// What a flag found and what it costs, in the report's language.
    func flagDetail(_ flag: AuthenticityFlag) -> String {
        let cost = multiplier(flag.multiplier)
        switch flag.kind {
        case .followerSpike:
            let jumps = flag.spikes.map { spike in
                let growth =
                    spike.growthPercent.map { " (+" + language.number($0) + (language == .fr ? "\u{202F}%)" : "%)") } ?? ""
                let gained = "+" + language.integer(spike.gained)
                return say(
                    "\(spike.channel) : \(gained) abonnés\(growth) entre le \(language.date(spike.before.day)) et le \(language.date(spike.after.day))",
                    "\(spike.channel): \(gained) followers\(growth) between \(language.date(spike.before.day)) and \(language.date(spike.after.day))"
                )
            }
            return jumps.joined(separator: " ; ")
                + say(", sans action entre les deux ; score \(cost)", " with no action in between; score \(cost)")
        case .lowEngagement:
            let audience = language.integer(policy.scoring.lowEngagementMinAudience)
            return flag.actions == 1
                ? say(
                    "1 action sous la norme d'engagement de son palier, sur une audience d'au moins \(audience) abonnés ; comptée \(cost)",
                    "1 action drew engagement below its tier's norm on an audience of \(audience) or more; counted \(cost)")
                : say(
                    "\(language.integer(flag.actions)) actions sous la norme d'engagement de leur palier, sur des audiences d'au moins \(audience) abonnés ; comptées \(cost)",
                    "\(language.integer(flag.actions)) actions drew engagement below their tier's norm on audiences of \(audience) or more; counted \(cost)"
                )
        case .duplicateContent:
            return say(
                "\(count(flag.actions, "action reprend", "actions reprennent")) un contenu déjà enregistré sous une autre adresse ; chaque copie compte \(cost)",
                "\(count(flag.actions, "action repeats", "actions repeat")) content already logged under another address; each copy counts \(cost)"
            )
        case .highEngagement:
            return say(
                "\(count(flag.actions, "action affiche", "actions affichent")) un taux d'engagement d'au moins \(language.number(policy.scoring.gaming.highRateTimesNorm)) fois la norme de son palier ; chiffres à vérifier",
                flag.reason) + gamingFlagNote
        case .busyDay:
            return say(
                "\(count(flag.actions, "action", "actions")) à vérifier, sur des journées de \(policy.scoring.gaming.actionsInADay) actions ou plus",
                flag.reason) + gamingFlagNote
        case .linksWithoutFigures:
            return say(
                "\(count(flag.actions, "action sans chiffres, en attente", "actions sans chiffres, en attente")) de vérification, \(policy.scoring.gaming.linksWithoutFigures) ou plus en \(policy.scoring.gaming.linksWithoutFiguresDays) jours",
                flag.reason) + gamingFlagNote
        case .riseOnPending:
            return say(
                "la hausse du score depuis la période précédente repose pour plus de moitié sur \(count(flag.actions, "action", "actions")) en attente de vérification",
                flag.reason) + gamingFlagNote
        case .nearDuplicate:
            return say(
                "\(count(flag.actions, "action reprend", "actions reprennent")) une autre du même jour, du même canal et du même titre sous une autre adresse",
                flag.reason) + gamingFlagNote
        }
    }

    func andMore(_ n: Int) -> String { say("… et \(language.integer(n)) de plus", "… and \(language.integer(n)) more") }

    // MARK: Sections and charts

    var topScores: String { say("Les meilleurs scores", "Top scores") }
    func topScoresTitle(_ n: Int) -> String { say("Les \(n) meilleurs scores", "Top \(n) scores") }
    var scoreAxis: String { say("Score (sur 100)", "Score (out of 100)") }

    var audienceAndScore: String { say("Audience et score", "Audience and score") }
    var followersAxis: String { say("Abonnés (échelle logarithmique)", "Followers (log scale)") }
    var audienceThesis: String {
        say(
            "Chaque point est une personne. Si le score suivait la taille de l'audience, les points monteraient vers la droite ; des micro-influenceurs engagés en haut de la bande verte montrent que l'influence tient à l'engagement.",
            "Each dot is a person. If the score followed audience size, the dots would climb to the right; engaged micro-influencers high in the green band show that influence comes from engagement."
        )
    }
    func unknownAudience(_ n: Int) -> String {
        say(
            "\(people(n)) sans audience connue ne \(n == 1 ? "figure" : "figurent") pas sur ce graphique.",
            "\(people(n)) with no known audience \(n == 1 ? "is" : "are") not shown.")
    }
    var microBand: String { say("micro-influenceurs", "micro-influencers") }

    var tierDistribution: String { say("Répartition par palier d'audience", "People by audience tier") }
    var peopleAxis: String { say("Personnes", "People") }
    func people(_ n: Int) -> String { count(n, say("personne", "person"), say("personnes", "people")) }

    var weeklyActivity: String { say("Actions par semaine", "Actions per week") }
    var actionsAxis: String { say("Actions", "Actions") }

    var projectCoverage: String { say("Couverture des projets", "Project coverage") }
    var gapsLead: String {
        say("Projets actifs sans ambassadeur sur la période :", "Active projects with no advocate in the period:")
    }
    var noGap: String { say("Chaque projet actif a au moins un ambassadeur.", "Every active project has at least one advocate.") }
    var noAdvocate: String { say("aucun ambassadeur", "no advocate") }
    func coverage(actions: Int, advocates: Int, engagement: String) -> String {
        say(
            "\(count(actions, "action", "actions")) · \(count(advocates, "ambassadeur", "ambassadeurs")) · engagement \(engagement)",
            "\(count(actions, "action", "actions")) · \(count(advocates, "advocate", "advocates")) · engagement \(engagement)")
    }
    var noProject: String { say("Aucun projet actif.", "No active project.") }

    var fastRisers: String { say("Progressions les plus fortes", "Fast risers") }
    var gainAxis: String { say("Gain de score", "Score gain") }
    func risersLead(_ comparison: String) -> String {
        say(
            "Plus fortes hausses de score (référence : \(comparison)) : des talents à encourager ou des scores à vérifier.",
            "Largest score gains (against \(comparison)): talents to encourage, or scores to check.")
    }
    var noRiser: String { say("Aucun score en hausse.", "No score rose.") }
    var newcomer: String { say("nouveau", "new") }

    var authenticityFlags: String { say("Signaux d'authenticité", "Authenticity flags") }
    var flagsLead: String {
        say(
            "Ce qui rend une audience ou une activité douteuse, et ce que cela retire du score.",
            "What makes an audience or activity look less than genuine, and what it takes from the score.")
    }
    var noFlag: String { say("Aucun signal sur la période.", "No flag in this period.") }
    var person: String { say("Personne", "Person") }
    var team: String { say("Équipe", "Team") }
    var tierHeader: String { say("Palier", "Tier") }
    var score: String { "Score" }
    var flag: String { say("Signal", "Flag") }
    var detail: String { say("Détail", "Detail") }
    var rank: String { "#" }
    var name: String { say("Nom", "Name") }
    /// Shown for someone who asked to be hidden from others' rankings ('privacy hide').
    var hiddenPerson: String { say("(masqué)", "(hidden)") }
    var actionsHeader: String { say("Actions", "Actions") }

    var rewardProposals: String { say("Propositions de récompenses", "Reward proposals") }
    var amountAxis: String { say("Montant", "Amount") }
    func proposalsTotal(_ n: Int, _ money: String) -> String {
        "\(money) · \(count(n, say("proposition", "proposal"), say("propositions", "proposals")))"
    }

    /// "S3", "W3": a week of the period on the chart's axis.
    func week(_ number: Int) -> String { say("S\(number)", "W\(number)") }
    var weekAxis: String {
        say(
            "Semaine depuis le début de chaque période (semaines complètes de 7 jours)",
            "Week since the start of each period (whole weeks of 7 days)")
    }

    var noAction: String { say("Aucune action sur la période : rien à classer.", "No action in this period: nothing to rank.") }
    var gapsShort: String { say("Projets sans ambassadeur", "Projects with no advocate") }
    var footer: String {
        say(
            "Établi par advocacy à partir de la base du programme. « advocacy explain EMAIL » détaille chaque point d'un score.",
            "Written by advocacy from the programme's database. 'advocacy explain EMAIL' shows where every point of a score comes from."
        )
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
