import AdvocacyCore
import AdvocacyKit
import AdvocacyTestSupport
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The demo programme, with names chosen to break a page that does not
/// escape them, and a project nobody spoke for.
enum ReportFixture {
    static let today = present(LocalDate(year: 2026, month: 11, day: 21))
    static let now = FixedClock.now
    static let quarter = Period.quarter(year: 2026, quarter: 4)
    static let hostileName = "<script>alert(1)</script>"
    static let awkwardName = #"Zoë "ZZ" O'Brien & Co"#
    static let gapName = #"<b>Nouveau</b> portail & "RH""#

    /// The best-ranked person is renamed `<script>…`, with an awkward team;
    /// the second is renamed `Zoë "ZZ" O'Brien & Co`; the project GAP-RH has
    /// a name full of markup and no action. HR proposes rewards, as in the demo.
    static func review(employees: Int = 80, proposals: Bool = true) throws -> ProgrammeReview {
        let store = try Programme.inMemory(now: { now })
        let summary = try store.loadDemo(
            try DemoProgramme.generate(employees: employees, seed: 1, today: today), replacing: false)
        let ranked = try store.rank(period: quarter, today: today, by: summary.cio).people
        try store.updateEmployee(
            ranked[0].person.email, try EmployeeChanges(name: hostileName, team: awkwardName), by: summary.admin)
        try store.updateEmployee(ranked[1].person.email, try EmployeeChanges(name: awkwardName), by: summary.admin)
        try store.addProject(try Project.validated(code: try ProjectCode("GAP-RH"), name: gapName, weight: 3), by: summary.admin)
        if proposals { _ = try store.proposeRewards(period: quarter, today: today, by: summary.hr) }
        return try store.review(period: quarter, comparison: quarter.previous, today: today, by: summary.cio)
    }

    /// The page parsed as XML: the report is written as well-formed (polyglot) XHTML.
    static func document(_ html: String) throws -> XMLDocument {
        try XMLDocument(xmlString: html, options: [])
    }

    /// Elements named `name` (any namespace) matching an optional XPath predicate.
    static func nodes(_ document: XMLDocument, _ name: String, _ predicate: String = "") throws -> [XMLNode] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']\(predicate)")
    }

    /// An attribute's value, read with XPath (FoundationXML's `attribute(forName:)`
    /// misses attributes of elements in the SVG namespace).
    static func attribute(_ node: XMLNode, _ name: String) throws -> String? {
        try node.nodes(forXPath: "@\(name)").first?.stringValue
    }

    /// Every text of the page, as a reader sees it.
    static func texts(_ document: XMLDocument) throws -> [String] {
        try document.nodes(forXPath: "//text()").compactMap(\.stringValue)
    }
}
