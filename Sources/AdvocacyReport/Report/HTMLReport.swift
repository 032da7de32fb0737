import AdvocacyCore
import Foundation

extension ProgrammeReport {
    /// The report as one self-contained HTML page: inline style and SVG
    /// charts, no script, nothing fetched (its Content-Security-Policy
    /// forbids it), laid out for A4 when printed. Every name and title goes
    /// through ``Markup``, which escapes it.
    public func html() -> String {
        let page = Markup.element(
            "html", [("lang", language.rawValue)],
            [
                .element(
                    "head", [],
                    [
                        .element("meta", [("charset", "utf-8")]),
                        .element("meta", [("http-equiv", "Content-Security-Policy"), ("content", Self.contentSecurityPolicy)]),
                        .element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                        .element("meta", [("name", "generator"), ("content", "advocacy")]),
                        .element("title", [], [.text("\(words.documentTitle) — \(currentName)")]),
                        .element("style", [], [ReportStyle.css]),
                    ]),
                .element(
                    "body", [],
                    [
                        header, keyFiguresSection, topScoresSection, audienceSection,
                        .element("div", [("class", "pair")], [tierSection, weeklySection]),
                        coverageSection, risersSection, flagsSection, rewardsSection,
                        .element("footer", [], [.text(words.footer)]),
                    ]),
            ])
        var output = "<!DOCTYPE html>\n"
        output.reserveCapacity(1 << 20)
        page.render(into: &output)
        output += "\n"
        return output
    }

    /// Nothing may load but the page's own style and inline images: a
    /// browser refuses (and reports) any script, font or remote file.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    // MARK: Sections

    private var header: Markup {
        .element(
            "header", [],
            [
                .element("h1", [], [.text(title)]),
                .element(
                    "p", [("class", "period")], [.text(periodLine), .text(" · "), .text(words.comparedWith(comparisonName))]),
                .element("p", [("class", "provenance")], [.text(provenance)]),
                .element(
                    "div", [("class", "glance")],
                    [
                        .element("strong", [], [.text(words.atAGlance)]),
                        .element("ul", [], highlights.map { .element("li", [], [.text($0)]) }),
                    ]),
            ])
    }

    private func section(_ id: String, _ heading: String, _ content: [Markup]) -> Markup {
        .element("section", [("id", id)], [.element("h2", [], [.text(heading)])] + content)
    }

    private func paragraph(_ text: String, class name: String? = nil) -> Markup {
        .element("p", [("class", name)], [.text(text)])
    }

    private var keyFiguresSection: Markup {
        /// `wholeOnly`: a figure with no "same stage" (who was active is known only for the whole period).
        func card(_ label: String, _ value: String, _ before: String?, wholeOnly: Bool = false, extra: [Markup] = []) -> Markup {
            let name = wholeOnly && isPartial ? words.whole(comparisonName) : comparisonName
            return .element(
                "div", [("class", "figure")],
                [
                    .element("div", [("class", "label")], [.text(label)]),
                    .element("div", [("class", "value")], [.text(value)]),
                ] + (before.map { [.element("div", [("class", "before")], [.text(words.labelled(name, $0))])] } ?? []) + extra)
        }
        let rates = ratedTiers.map { tier in
            Markup.element(
                "li", [],
                [
                    .element("span", [("class", "swatch"), ("style", "background:\(Self.colour(of: tier).hex)")]),
                    .text(" " + words.labelled(words.tierWithRange(tier), "")),
                    .element("strong", [], [.text(rate(tier, in: current))]),
                    .element(
                        "span", [("class", "before")], [.text(" · " + words.labelled(comparisonName, rate(tier, in: comparison)))]
                    ),
                ])
        }
        let money = rewardMoney
        let budget = review.budgetCents.map(self.money) ?? words.noBudget
        return section(
            "key-figures", words.keyFigures,
            [
                .element(
                    "div", [("class", "figures")],
                    [
                        card(words.activeAdvocates, advocatesFigure(current), advocatesFigure(comparison), wholeOnly: true),
                        card(
                            words.actions, language.integer(current.activity.actions),
                            compared(
                                early: language.integer(comparison.activity.earlyActions),
                                whole: language.integer(comparison.activity.actions))),
                        card(
                            words.totalEngagement, language.number(current.activity.engagement),
                            compared(
                                early: language.number(comparison.activity.earlyEngagement),
                                whole: language.number(comparison.activity.engagement)),
                            extra: [.element("div", [("class", "before")], [.text(words.engagementNote)])]),
                        card(
                            words.rewardBudget, budget, nil,
                            extra: [
                                .element(
                                    "div", [("class", "before")],
                                    [
                                        .text(
                                            words.budgetUse(
                                                proposed: self.money(money.proposedCents),
                                                approved: self.money(money.approvedCents)))
                                    ])
                            ]),
                        .element(
                            "div", [("class", "figure wide")],
                            [
                                .element("div", [("class", "label")], [.text(words.medianRates)]),
                                rates.isEmpty ? paragraph(words.noRate) : .element("ul", [("class", "rates")], rates),
                            ]),
                    ])
            ])
    }

    private var topScoresSection: Markup {
        let people = top(Self.topCount)
        guard !people.isEmpty else { return section("top-scores", words.topScores, [paragraph(words.noAction, class: "empty")]) }
        let bars = people.map { score in
            HorizontalBarChart.Bar(
                label: score.person.name, value: score.score, valueLabel: self.score(score.score),
                colour: Self.colour(of: score.tier),
                tooltip: [
                    "\(score.rank). \(score.person.name)", score.person.team, words.tier(score.tier), self.score(score.score),
                ]
                .compactMap { $0 }.joined(separator: " — "))
        }
        let chart = HorizontalBarChart(
            id: "top-scores-chart", title: words.topScoresTitle(people.count),
            description: people.map { "\($0.rank). \($0.person.name) \(score($0.score))" }.joined(separator: "; "),
            bars: bars, axisTitle: words.scoreAxis, tickLabel: tick, legend: tierLegend, width: Self.fullWidth)
        return section("top-scores", words.topScoresTitle(people.count), [chart.svg()])
    }

    private var tierLegend: [LegendEntry] {
        AudienceTier.allCases.map { LegendEntry(label: words.tier($0), colour: Self.colour(of: $0)) }
    }

    private var audienceSection: Markup {
        let known = current.people.filter { ($0.audience ?? 0) > 0 }
        let points = known.map { score in
            ScatterChart.Point(
                x: Double(score.audience ?? 0), y: score.score, colour: Self.colour(of: score.tier),
                tooltip: "\(score.person.name) — \(language.integer(score.audience ?? 0)) — \(self.score(score.score))")
        }
        let thresholds = review.policy.scoring.tierThresholds
        let bands =
            thresholds.count >= 2
            ? [
                ScatterChart.Band(
                    from: Double(thresholds[0]), to: Double(thresholds[1]), label: words.microBand,
                    colour: Self.colour(of: .micro))
            ]
            : []
        let chart = ScatterChart(
            id: "audience-chart", title: words.audienceAndScore, description: words.audienceThesis, points: points, xAxis: .log,
            xTitle: words.followersAxis, yTitle: words.scoreAxis, xTickLabel: tick, yTickLabel: tick, bands: bands,
            legend: tierLegend,
            width: Self.fullWidth)
        let missing = current.people.count - known.count
        guard !current.people.isEmpty else {
            return section("audience", words.audienceAndScore, [paragraph(words.noAction, class: "empty")])
        }
        return section(
            "audience", words.audienceAndScore,
            [paragraph(words.audienceThesis, class: "lead"), chart.svg()]
                + (missing > 0 ? [paragraph(words.unknownAudience(missing), class: "note")] : []))
    }

    private var tierSection: Markup {
        let counts = tierCounts(in: current)
        let total = max(1, counts.map(\.people).reduce(0, +))
        let bars = counts.map { entry in
            HorizontalBarChart.Bar(
                label: words.tier(entry.tier), value: Double(entry.people),
                valueLabel: "\(language.integer(entry.people)) (\(share(entry.people, of: total)))",
                colour: Self.colour(of: entry.tier), tooltip: "\(words.tierWithRange(entry.tier)): \(words.people(entry.people))")
        }
        let chart = HorizontalBarChart(
            id: "tier-chart", title: words.tierDistribution,
            description: counts.map { "\(words.tier($0.tier)): \(words.people($0.people))" }.joined(separator: "; "), bars: bars,
            axisTitle: words.peopleAxis, tickLabel: tick, width: Self.halfWidth)
        return section("tiers", words.tierDistribution, [chart.svg()])
    }

    private var weeklySection: Markup {
        // Whole weeks only, counted from each period's first day: a week still
        // running, or a period's last few days, would look like a sudden drop.
        let now = current.activity.weeklyActions.prefix(current.activity.fullWeeks).map(Double.init)
        let before = comparison.activity.weeklyActions.prefix(comparison.activity.fullWeeks).map(Double.init)
        let labels = (0..<max(now.count, before.count)).map { words.week($0 + 1) }
        let series = [
            LineChart.Series(name: currentName, values: now, colour: .blue, isDashed: false),
            LineChart.Series(name: comparisonName, values: before, colour: .orange, isDashed: true),
        ]
        let chart = LineChart(
            id: "weekly-chart", title: words.weeklyActivity,
            description:
                "\(words.labelled(currentName, now.map { language.number($0) }.joined(separator: ", "))); \(words.labelled(comparisonName, before.map { language.number($0) }.joined(separator: ", ")))",
            xLabels: labels, series: series, yTitle: words.actionsAxis,
            xTitle: words.weekAxis, yTickLabel: tick, width: Self.halfWidth)
        return section("weekly", words.weeklyActivity, [chart.svg()])
    }

    private var coverageSection: Markup {
        let projects = review.projects.sorted { ($0.actions, $1.project.code.value) > ($1.actions, $0.project.code.value) }
        guard !projects.isEmpty else {
            return section("coverage", words.projectCoverage, [paragraph(words.noProject, class: "empty")])
        }
        let gaps = self.gaps
        let callout: Markup =
            gaps.isEmpty
            ? paragraph(words.noGap, class: "ok")
            : .element(
                "div", [("class", "gaps")],
                [
                    .element("strong", [], [.text(words.gapsLead)]),
                    .element(
                        "ul", [],
                        gaps.map { gap in
                            .element(
                                "li", [],
                                [.element("strong", [], [.text(gap.project.code.value)]), .text(" — " + gap.project.name)])
                        }),
                ])
        let bars = projects.map { project in
            HorizontalBarChart.Bar(
                label: "\(project.project.code.value) — \(project.project.name)", value: Double(project.actions),
                valueLabel: coverageLine(project), colour: .blue, isHighlighted: project.isGap)
        }
        let chart = HorizontalBarChart(
            id: "coverage-chart", title: words.projectCoverage,
            description: projects.map { "\($0.project.code.value): \(coverageLine($0))" }.joined(separator: "; "), bars: bars,
            axisTitle: words.actionsAxis, tickLabel: tick, width: Self.fullWidth)
        return section("coverage", words.projectCoverage, [callout, chart.svg()])
    }

    private var risersSection: Markup {
        let risers = self.risers
        let lead = paragraph(words.risersLead(comparisonName), class: "lead")
        guard !risers.isEmpty else {
            return section("risers", words.fastRisers, [lead, paragraph(words.noRiser, class: "empty")])
        }
        let bars = risers.map { riser in
            HorizontalBarChart.Bar(
                label: riser.person.name, value: riser.gain, valueLabel: change(riser), colour: Self.colour(of: riser.tier))
        }
        let chart = HorizontalBarChart(
            id: "risers-chart", title: words.fastRisers,
            description: risers.map { "\($0.person.name) \(change($0))" }.joined(separator: "; "), bars: bars,
            axisTitle: words.gainAxis, tickLabel: tick, legend: tierLegend, width: Self.fullWidth)
        return section("risers", words.fastRisers, [lead, chart.svg()])
    }

    private var flagsSection: Markup {
        let flags = self.flags
        guard !flags.isEmpty else { return section("flags", words.authenticityFlags, [paragraph(words.noFlag, class: "empty")]) }
        let header = Markup.element(
            "tr", [],
            [words.person, words.team, words.tierHeader, words.score, words.flag, words.detail].map {
                .element("th", [("scope", "col")], [.text($0)])
            })
        let rows = flags.prefix(Self.flagLimit).map { person, flag in
            Markup.element(
                "tr", [],
                [
                    .element("td", [], [.text(person.person.name)]),
                    .element("td", [], [.text(person.person.team ?? "")]),
                    .element("td", [], [.text(words.tier(person.tier))]),
                    .element("td", [("class", "number")], [.text(score(person.score))]),
                    .element("td", [], [.text(words.flagKind(flag.kind))]),
                    .element("td", [], [.text(words.flagDetail(flag))]),
                ])
        }
        let more = flags.count > Self.flagLimit ? [paragraph(words.andMore(flags.count - Self.flagLimit), class: "note")] : []
        return section(
            "flags", words.authenticityFlags,
            [
                paragraph(words.flagsLead, class: "lead"),
                .element("table", [("class", "flags")], [.element("thead", [], [header]), .element("tbody", [], rows)]),
            ] + more)
    }

    private var rewardsSection: Markup {
        guard !review.rewards.isEmpty else { return .group([]) }
        let categories = RewardCategory.allCases.filter { category in review.rewards.contains { $0.category == category } }
        let statuses = RewardStatus.allCases
        let rows = categories.map { category in
            let tallies = review.rewards.filter { $0.category == category }
            let values = statuses.map { status in
                Double(tallies.filter { $0.status == status }.map(\.costCents).reduce(0, +)) / 100
            }
            let cents = tallies.map(\.costCents).reduce(0, +)
            return StackedBarChart.Row(
                label: words.category(category), values: values,
                totalLabel: words.proposalsTotal(tallies.map(\.count).reduce(0, +), money(cents)))
        }
        let chart = StackedBarChart(
            id: "rewards-chart", title: words.rewardProposals,
            description: rows.map { "\($0.label): \($0.totalLabel)" }.joined(separator: "; "),
            series: statuses.map { StackedBarChart.Series(name: words.status($0), colour: Self.colour(of: $0)) }, rows: rows,
            axisTitle: "\(words.amountAxis) (\(currency))", tickLabel: tick, width: Self.fullWidth)
        return section("rewards", words.rewardProposals, [chart.svg()])
    }

    /// An axis tick: whole numbers as such, a half step with its decimal, so
    /// that two ticks never read the same.
    private func tick(_ value: Double) -> String {
        language.number(value, decimals: value == value.rounded() ? 0 : abs(value * 10 - (value * 10).rounded()) < 1e-9 ? 1 : 2)
    }

    /// "30 %", or "< 1 %" for a share too small to round to 1 but not none.
    private func share(_ part: Int, of total: Int) -> String {
        let fraction = Double(part) / Double(total)
        return part > 0 && fraction < 0.005
            ? "<\u{00A0}" + language.percent(0.01, decimals: 0) : language.percent(fraction, decimals: 0)
    }

    /// Chart widths in pixels at the page's widest (1,056 px of text); they
    /// shrink with the page, and to A4 when printed.
    static let fullWidth = 1_040.0
    static let halfWidth = 516.0

    // MARK: Colours

    /// Okabe–Ito colours, told apart by people with any kind of colour blindness.
    static func colour(of tier: AudienceTier) -> ChartColour {
        switch tier {
        case .nano: .skyBlue
        case .micro: .bluishGreen
        case .mid: .blue
        case .macro: .orange
        case .mega: .reddishPurple
        }
    }

    static func colour(of status: RewardStatus) -> ChartColour {
        switch status {
        case .proposed: .skyBlue
        case .approved: .bluishGreen
        case .rejected: .vermillion
        case .granted: .blue
        }
    }
}
