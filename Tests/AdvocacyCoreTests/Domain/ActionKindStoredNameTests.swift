import AdvocacyCore
import Testing

/// The ranking's reading of stored kinds: every kind reads back as itself,
/// and nothing else passes for one.
@Suite("Stored action kinds")
struct ActionKindStoredNameTests {
    static func decode(_ text: String) -> ActionKind? {
        Array(text.utf8).withUnsafeBufferPointer { ActionKind.decode(storedName: $0) }
    }

    @Test(arguments: ActionKind.allCases)
    func everyKindReadsBackAsItself(kind: ActionKind) {
        #expect(Self.decode(kind.rawValue) == kind)
    }

    @Test(arguments: ["", "a", "articles", "Article", "pod", "posts", "podcasts", "tweet", "s", "shar", "newsletter "])
    func otherTextIsNoKind(text: String) {
        #expect(Self.decode(text) == nil)
    }
}
