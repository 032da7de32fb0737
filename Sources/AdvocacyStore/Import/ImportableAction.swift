import AdvocacyCore

/// An action draft with what the import works out from it before it needs
/// the database: its address under both schemes with their hashes, and the
/// id of the X post it is.
///
/// Made where the file is read, so that on the import's reading thread
/// (`PrefetchedRows`) this work is not the database thread's: hashing two
/// addresses per row was a twentieth of that thread's time.
public struct ImportableAction: Sendable {
    public let draft: ActionDraft
    let address: AddressLookup
    let xStatusID: String?

    public init(_ draft: ActionDraft) {
        self.draft = draft
        address = AddressLookup(draft.url)
        xStatusID = XStatus.id(of: draft.url)
    }
}

/// An address as the action table finds it: by hash, then by text, under
/// either scheme (a post logged over http is the post logged over https).
struct AddressLookup: Sendable {
    let address: String
    let hash: Int64
    let otherScheme: String
    let otherSchemeHash: Int64

    init(_ url: CanonicalURL) {
        address = url.string
        hash = AddressHash.of(address)
        otherScheme = url.otherScheme
        otherSchemeHash = AddressHash.of(otherScheme)
    }
}
