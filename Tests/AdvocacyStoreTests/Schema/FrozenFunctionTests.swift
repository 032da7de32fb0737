import Foundation
import GRDB
import Testing

@testable import AdvocacyStore

/// The SQL functions the schema calls, and the Swift a migration ran on
/// existing rows, give the values they gave when they shipped: stored
/// hashes, fingerprints and audit times depend on them. The expected values
/// are literals, computed once.
@Suite("Frozen functions")
struct FrozenFunctionTests {
    @Test(arguments: [
        ("", Int64(bitPattern: 0xcbf2_9ce4_8422_2325)),
        ("a", Int64(bitPattern: 0xaf63_dc4c_8601_ec8c)),
        ("foobar", Int64(bitPattern: 0x8594_4171_f739_67e8)),
        ("https://jane.example.org/securite-si", 7_970_431_807_436_367_744),
        ("https://x.com/jane/status/123", -616_877_995_483_299_974),
        ("https://jane.example.org/unicode", -1_410_813_101_765_221_390),
    ])
    func theAddressHash(address: String, hash: Int64) throws {
        #expect(FrozenSQLFunctions.urlHash(address) == hash)
        #expect(AddressHash.of(address) == hash)
        let store = try AdvocacyStore.inMemory()
        #expect(
            try store.writer.read { db in try Int64.fetchOne(db, sql: "SELECT advocacy_url_hash(?)", arguments: [address]) }
                == hash)
    }

    @Test func theAddressHashOfWhatIsNotTextIsNull() throws {
        let store = try AdvocacyStore.inMemory()
        try store.writer.read { (db: Database) throws in
            #expect(try DatabaseValue.fetchOne(db, sql: "SELECT advocacy_url_hash(NULL)") == .null)
            #expect(try DatabaseValue.fetchOne(db, sql: "SELECT advocacy_url_hash(42)") == .null)
        }
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_795_262_400, "2026-11-21T12:00:00Z"),
        (1_795_262_400.999, "2026-11-21T12:00:00Z"),
        (951_782_399, "2000-02-28T23:59:59Z"),
        (951_868_800, "2000-03-01T00:00:00Z"),
        (4_107_542_400, "2100-03-01T00:00:00Z"),
        (-1, "1969-12-31T23:59:59Z"),
    ])
    func theAuditTimestamp(seconds: Double, text: String) throws {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(FrozenSQLFunctions.auditTimestamp(date) == text)
        let store = try AdvocacyStore.inMemory(now: { date })
        #expect(try store.writer.read { db in try String.fetchOne(db, sql: "SELECT advocacy_audit('now')") } == text)
    }

    @Test func theAuditFunctionsOtherKeys() throws {
        let store = try AdvocacyStore.inMemory()
        try store.writer.read { (db: Database) throws in
            #expect(try Bool.fetchOne(db, sql: "SELECT advocacy_audit('recording')") == true)
            #expect(try Bool.fetchOne(db, sql: "SELECT advocacy_audit('erasing')") == false)
            #expect(try DatabaseValue.fetchOne(db, sql: "SELECT advocacy_audit('actorEmail')") == .null)
            #expect(try DatabaseValue.fetchOne(db, sql: "SELECT advocacy_audit('anything else')") == .null)
        }
    }

    /// The fingerprints `v2-scoring` gave the actions it found.
    @Test(arguments: [
        (
            "Sécurité des systèmes d'information : retour d'expérience", "https://jane.example.org/securite-si",
            5_231_362_291_625_934_635
        ),
        ("Why we rewrote our ERP in twelve weeks", "https://linkedin.com/posts/paul-erp-rewrite", -7_880_355_792_917_127_093),
        ("Ünïcode title, with Greek letters: ΑΒΓ δέκα λέξεις", "https://jane.example.org/unicode", 598_688_678_542_536_629),
        // Too short, or the title made from the address: no fingerprint.
        ("Short", "https://jane.example.org/short", 0),
        ("Post by @jane", "https://x.com/jane/status/123", 0),
        ("How we ship fast", "https://jane.example.org/how-we-ship-fast", 0),
        ("YouTube video abc123", "https://youtube.com/watch?v=abc123", 0),
        ("Café numéro 42", "https://cafe.example.org/caf%C3%A9-num%C3%A9ro/42", 0),
        ("Another title long enough", "https://jane.example.org/another", 1_194_769_784_643_226_132),
    ])
    func theVersion2Fingerprint(title: String, url: String, fingerprint: Int64) {
        #expect(V2ContentFingerprint.of(title: title, url: url) == fingerprint)
    }
}
