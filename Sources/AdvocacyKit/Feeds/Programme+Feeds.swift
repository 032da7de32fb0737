import AdvocacyCore
import AdvocacyStore
import Foundation

/// Where a feed comes from: a file, an http(s) address, or bytes a front end holds.
public enum FeedSource: Sendable {
    case file(path: String)
    case address(String)
    case bytes(Data, name: String)

    /// A file path, or an address when `text` starts with http:// or https://.
    public init(_ text: String) {
        let lowered = text.lowercased()
        self = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? .address(text) : .file(path: text)
    }

    /// How messages name the feed.
    public var name: String {
        switch self {
        case .file(let path): path
        case .address(let address): address
        case .bytes(_, let name): name
        }
    }
}

/// What a sync of one channel did, whatever it fetched.
public protocol ChannelSyncOutcome: Sendable, Encodable {
    var channel: CanonicalURL { get }
    /// What the import did; absent when the source could not be read.
    var summary: ImportSummary? { get }
    /// Why the channel failed, in words for a person; absent when it did not.
    var error: String? { get set }
}

/// One channel's outcome in a feed sync.
public struct FeedSyncOutcome: ChannelSyncOutcome {
    public var channel: CanonicalURL
    public var feed: CanonicalURL
    /// What the import did; absent when the feed could not be read.
    public var summary: ImportSummary?
    /// Why the channel failed, in words for a person; absent when it did not.
    public var error: String?
}

extension Programme {
    /// Imports the entries of a blog's feed as articles of `author` (the
    /// person acting by default), on `channel` when given, tagged with `projects`.
    ///
    /// - Throws: ``KitError/unreadableSource(_:reason:)`` when the file or
    ///   address cannot be read, ``KitError/invalidImportSource(_:reason:)``
    ///   when it is not a feed.
    public func importFeed(
        from source: FeedSource, mode: ImportMode, author: EmailAddress? = nil, projects: [ProjectCode] = [],
        channel: CanonicalURL? = nil, today: LocalDate, timeout: TimeInterval = 20, fetcher: any FeedFetching = FeedFetcher(),
        by actor: EmailAddress, onReject: (ImportRecord, String) throws -> Void = { _, _ in }
    ) throws -> ImportSummary {
        let author = author ?? actor
        // What concerns the whole command is said once, not once per entry.
        try requireWholeImport(of: author, projects: projects, channel: channel, by: actor)
        let data: Data
        switch source {
        case .bytes(let bytes, _): data = bytes
        case .file(let path):
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw KitError.unreadableSource(path, reason: "no such file, or it cannot be read")
            }
            data = bytes
        case .address(let address):
            switch fetcher.fetch(address, timeout: timeout, policy: try fetchPolicy()) {
            case .success(let bytes): data = bytes
            case .failure(let failure): throw KitError.unreadableSource(address, reason: failure.reason)
            }
        }
        let feed: Feed
        do {
            feed = try FeedParser.parse(data)
        } catch let error as CoreError {
            throw KitError.invalidImportSource(source.name, reason: error.localizedDescription)
        }
        // Links a feed left relative are read against its own address, else its site's.
        let base: URL? =
            if case .address(let address) = source { URL(string: address) } else { feed.link.flatMap { URL(string: $0) } }
        var records = feed.entries.map { FeedImport.record($0, base: base) }.makeIterator()
        return try store.importActions(
            mode, by: actor, onChannel: channel, next: { records.next() },
            draft: { ImportableAction(try FeedImport.draft($0, author: author, projects: projects, today: today)) },
            mayActFor: Self.mayImportActions, onReject: onReject)
    }

    /// The channels with a feed address that `actor` may synchronise:
    /// every one for an admin, their own for anyone else; or just `channel`.
    /// Without `channel`, those whose owner's consent does not allow it are
    /// left out (a withdrawal, or no consent to others tracking an external
    /// channel), so a regular sync never fails on them.
    public func feedChannels(only channel: CanonicalURL? = nil, by actor: EmailAddress) throws -> [FeedChannel] {
        try store.reading { tx in
            let acting = try tx.actor(actor)
            if let channel {
                let found = try tx.channel(channel)
                try AccessRules.requireSelfOrAdmin(acting, owner: found.email, to: "synchronise others' feeds")
                guard let feed = found.feedURL else { throw StoreError.noFeed(channel) }
                return [FeedChannel(url: found.url, feedURL: feed, owner: found.email)]
            }
            return try tx.feedChannels(ownedBy: acting.role == .admin ? nil : actor, trackableBy: acting)
        }
    }

    /// Fetches the feed of every channel `actor` may synchronise (or just
    /// `channel`) and imports each onto its channel in its own transaction:
    /// a feed that cannot be fetched or read is reported for its channel and
    /// the others go on. An entry that cannot be used (no link, no date, a
    /// date to come) is skipped and reported in its channel's summary, and
    /// never keeps the channel's other entries out: a sync writes what it
    /// can, unless `mode` is a dry run.
    /// `progress` hears of each channel done, with how many there are.
    public func syncFeeds(
        only channel: CanonicalURL? = nil, mode: ImportMode, today: LocalDate, timeout: TimeInterval = 20,
        fetcher: any FeedFetching = FeedFetcher(), by actor: EmailAddress,
        progress: (_ outcome: FeedSyncOutcome, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    ) throws -> [FeedSyncOutcome] {
        let channels = try feedChannels(only: channel, by: actor)
        return try Self.syncEach(channels, progress: progress) { feedChannel in
            FeedSyncOutcome(channel: feedChannel.url, feed: feedChannel.feedURL)
        } sync: { feedChannel, outcome in
            outcome.summary = try importFeed(
                from: .address(feedChannel.feedURL.string), mode: mode == .dryRun ? .dryRun : .skipInvalid,
                author: feedChannel.owner, channel: feedChannel.url, today: today, timeout: timeout, fetcher: fetcher,
                by: actor)
        }
    }

    /// Syncs each of `channels` in turn into its own outcome: what cannot be
    /// read, or is refused, becomes that channel's error in words, and the
    /// others go on; anything else (the database failing) stops the sync.
    /// `progress` hears of each channel done.
    static func syncEach<Item, Outcome: ChannelSyncOutcome>(
        _ channels: [Item], progress: (Outcome, Int, Int) -> Void, outcome makeOutcome: (Item) -> Outcome,
        sync: (Item, inout Outcome) throws -> Void
    ) throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for (index, channel) in channels.enumerated() {
            var outcome = makeOutcome(channel)
            do {
                try sync(channel, &outcome)
            } catch KitError.unreadableSource(_, let reason) {
                outcome.error = reason
            } catch let error as any ProgrammeFailure {
                outcome.error = error.localizedDescription
            }
            outcomes.append(outcome)
            progress(outcome, index + 1, channels.count)
        }
        return outcomes
    }
}
