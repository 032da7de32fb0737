import AdvocacyCore
import Foundation
import Testing

@Suite("LinkedIn's two ids of one post")
struct LinkedInPostTests {
    static func url(_ kind: String, _ id: UInt64) -> CanonicalURL {
        CanonicalURL(alreadyCanonical: "https://linkedin.com/feed/update/urn:li:\(kind):\(id)")
    }

    /// An id made at `milliseconds` since 1970, with other low bits.
    static func id(_ milliseconds: UInt64, _ low: UInt64 = 0) -> UInt64 { milliseconds << 22 | low }

    static let moment: UInt64 = 1_793_693_700_000  // 2026-11-03 08:15:00 UTC

    @Test func anIdCarriesTheMomentItWasMade() {
        #expect(LinkedInPost.created(Self.id(Self.moment, 77)) == Date(timeIntervalSince1970: 1_793_693_700))
        #expect(LinkedInPost.urn(of: Self.url("ugcPost", 42))?.kind == "ugcPost")
        #expect(LinkedInPost.urn(of: CanonicalURL(alreadyCanonical: "https://linkedin.com/in/jane")) == nil)
    }

    @Test func theOtherIdMadeWithinTheToleranceIsTheSamePost() {
        let export = Self.url("ugcPost", Self.id(Self.moment))
        let activity = Self.url("activity", Self.id(Self.moment + 400, 9))
        let older = Self.url("activity", Self.id(Self.moment - 60_000))
        #expect(LinkedInPost.match(export, among: [older, activity]) == .same(activity))
        // At the edge of the tolerance and just past it.
        let edge = Self.url("activity", Self.id(Self.moment + 5_000))
        let past = Self.url("activity", Self.id(Self.moment + 5_001))
        #expect(LinkedInPost.match(export, among: [edge]) == .same(edge))
        #expect(LinkedInPost.match(export, among: [past]) == LinkedInPost.Match.none)
        // The same kind is another post, and the same address is not another at all.
        #expect(LinkedInPost.match(export, among: [Self.url("ugcPost", Self.id(Self.moment + 10)), export]) == .none)
    }

    @Test func twoCandidatesAreADoubtNeverAMatch() {
        let export = Self.url("share", Self.id(Self.moment))
        let first = Self.url("activity", Self.id(Self.moment + 300))
        let second = Self.url("activity", Self.id(Self.moment - 2_000))
        #expect(LinkedInPost.match(export, among: [first, second]) == .ambiguous([second, first].sorted()))
    }
}
