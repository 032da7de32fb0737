import AdvocacyCore
import Testing

@Suite("CSV delimiter detection")
struct CSVDelimiterTests {
    @Test(arguments: [
        ("email,name,reach", CSVDelimiter.comma), ("email;nom;montant", .semicolon), ("email\tname\tteam", .tab),
        // Outside quotes only, and only up to the end of the header line.
        ("nom;\"a,b,c\";x", .semicolon), ("\"a;b;c\",x", .comma), ("\"a\"\"b;c\";x\tz", .comma), ("a;b\nc,d,e,f", .semicolon),
        ("\"two\nlines;here\",x\r\na;b;c", .comma), ("a;b\rc,d,e", .semicolon),
        // The most frequent wins; a tie or nothing at all is a comma.
        ("a;b;c,d", .semicolon), ("a,b,c;d;e\tf", .comma), ("a\tb\tc;d", .tab), ("a;b,c", .comma), ("a;b\tc", .comma),
        ("single", .comma), ("", .comma), ("a|b|c", .comma),
    ])
    func theHeaderLineNamesTheDelimiter(header: String, expected: CSVDelimiter) {
        #expect(CSVDelimiter.detect(inHeader: header.utf8) == expected)
    }
}
