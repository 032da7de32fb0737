import AdvocacyCore
import Foundation
import FuzzSupport

/// The entry point SwiftPM links the executable by: libFuzzer's driver.
@_cdecl("FuzzWorkbook_main")
public func start(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}

/// Any bytes, cut at the first two NUL bytes into a workbook's sheet, its
/// shared strings and its FOLLOWERS sheet, read as LinkedIn's creator
/// analytics: rows or a clear error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let pieces = Data(bytes: start, count: count).split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [String: Data] = [
        "xl/workbook.xml": Data(
            """
            <workbook xmlns="\(main)" xmlns:r="\(relationships)"><sheets><sheet name="TOP POSTS" sheetId="1" r:id="rId1"/>\
            <sheet name="FOLLOWERS" sheetId="2" r:id="rId2"/></sheets></workbook>
            """.utf8),
        "xl/_rels/workbook.xml.rels": Data(
            """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>\
            </Relationships>
            """.utf8),
        "xl/worksheets/sheet1.xml": pieces.first ?? Data(),
        "xl/sharedStrings.xml": pieces.count > 1 ? pieces[1] : Data(),
        "xl/worksheets/sheet2.xml": pieces.count > 2 ? pieces[2] : Data(),
    ]
    guard let workbook = try? Workbook.read(part: { parts[$0] }),
        let contents = try? LinkedInAnalytics.read(workbook),
        let author = try? EmailAddress("jane@corp.fr"), let today = LocalDate(year: 2026, month: 11, day: 21)
    else { return 0 }
    for record in contents.posts { _ = try? LinkedInAnalytics.draft(record, author: author, today: today) }
    for record in contents.days { _ = try? LinkedInAnalytics.followerChange(record) }
    return 0
}
