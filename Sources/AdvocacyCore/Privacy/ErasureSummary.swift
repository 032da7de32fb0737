import Foundation

/// What `privacy erase` did.
public struct ErasureSummary: Hashable, Sendable, Encodable {
    /// The pseudonym the person's rows now carry.
    public var pseudonym: EmailAddress
    public var pseudonymName: String
    public var channels: Int
    public var actions: Int
    /// Audit entries about the person or made by them (including the erasure's own), now pseudonymised.
    public var auditEntries: Int
    /// False when the cleanup could not finish (another process was reading
    /// the file, or the disk had no room to rebuild it): old pages may remain
    /// in the write-ahead log or the file's free space until it is run again
    /// (`VACUUM`, or another erasure) with nobody else using the file.
    public var fileCompacted: Bool

    package init(
        pseudonym: EmailAddress, pseudonymName: String, channels: Int, actions: Int, auditEntries: Int, fileCompacted: Bool
    ) {
        self.pseudonym = pseudonym
        self.pseudonymName = pseudonymName
        self.channels = channels
        self.actions = actions
        self.auditEntries = auditEntries
        self.fileCompacted = fileCompacted
    }
}
