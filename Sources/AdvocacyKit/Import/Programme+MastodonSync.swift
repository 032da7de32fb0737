import AdvocacyCore
import AdvocacyStore
import Foundation

/// One Mastodon profile's outcome in `sync mastodon`.
public struct MastodonSyncOutcome: ChannelSyncOutcome {
    public var channel: CanonicalURL
    /// What the import of its statuses did; absent when the instance could not be read.
    public var summary: ImportSummary?
    /// The follower count the instance gave, recorded for today.
    public var followers: Int?
    /// Why the channel failed, in words for a person; absent when it did not.
    public var error: String?
}

extension Programme {
    /// Fetches, through each instance's public API, the statuses of every
    /// Mastodon profile `actor` may synchronise (every one for an admin,
    /// their own for anyone else; or just `channel`), and imports each
    /// profile's public posts onto it with their figures (favourites,
    /// replies, boosts: figures from a platform's API), and its follower
    /// count for today, in its own transaction. A profile whose instance
    /// cannot be reached or read is reported and the others go on; a status
    /// that cannot be used is skipped and reported. Every address fetched
    /// obeys the programme's fetch policy, as feeds do.
    public func syncMastodon(
        only channel: CanonicalURL? = nil, mode: ImportMode, today: LocalDate, timeout: TimeInterval = 20,
        fetcher: any FeedFetching = FeedFetcher(), by actor: EmailAddress,
        progress: (_ outcome: MastodonSyncOutcome, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    ) throws -> [MastodonSyncOutcome] {
        let profiles = try store.reading { tx in
            let acting = try tx.actor(actor)
            if let channel {
                let found = try tx.channel(channel)
                try AccessRules.requireSelfOrAdmin(acting, owner: found.email, to: "synchronise others' channels")
                guard found.kind == .mastodon else {
                    throw KitError.invalidImportSource(
                        channel.string,
                        reason: "it is a \(found.kind.rawValue) channel, not a Mastodon profile (https://instance/@user)")
                }
                return [(url: found.url, owner: found.email)]
            }
            return try tx.mastodonChannels(ownedBy: acting.role == .admin ? nil : actor, trackableBy: acting)
        }
        let policy = try fetchPolicy()
        return try Self.syncEach(profiles, progress: progress) {
            MastodonSyncOutcome(channel: $0.url)
        } sync: { profile, outcome in
            let fetched = try fetchStatuses(of: profile.url, timeout: timeout, fetcher: fetcher, policy: policy)
            var records = fetched.records.makeIterator()
            outcome.summary = try store.importActions(
                mode == .dryRun ? .dryRun : .skipInvalid, by: actor, onChannel: profile.url, next: { records.next() },
                draft: { ImportableAction(try MastodonAPI.draft($0, author: profile.owner, today: today)) },
                mayActFor: Self.mayImportActions, figures: .api)
            if let followers = fetched.followers {
                if mode != .dryRun { try recordFollowers(profile.url, count: followers, on: today, source: .api, by: actor) }
                outcome.followers = followers
            }
        }
    }

    /// The account's statuses, newest first, up to ``MastodonAPI/pageLimit``
    /// pages, and its follower count.
    private func fetchStatuses(of profile: CanonicalURL, timeout: TimeInterval, fetcher: any FeedFetching, policy: FetchPolicy)
        throws -> (records: [ImportRecord], followers: Int?)
    {
        guard let (instance, user) = MastodonAPI.account(of: profile) else {
            throw KitError.invalidImportSource(
                profile.string, reason: "it is not a Mastodon profile address (https://instance/@user)")
        }
        func get(_ address: String) throws -> Data {
            switch fetcher.fetch(address, timeout: timeout, policy: policy) {
            case .success(let data): return data
            case .failure(let failure): throw KitError.unreadableSource(address, reason: failure.reason)
            }
        }
        do {
            let account = try MastodonAPI.account(try get(MastodonAPI.lookupAddress(instance: instance, user: user)))
            var records: [ImportRecord] = []
            var olderThan: String?
            for page in 0..<MastodonAPI.pageLimit {
                let address = MastodonAPI.statusesAddress(instance: instance, account: account.id, olderThan: olderThan)
                let (found, oldest) = try MastodonAPI.statuses(try get(address))
                // A record's line is its place among all the statuses read.
                records += found.map { ImportRecord(line: page * MastodonAPI.pageSize + $0.line, fields: $0.fields) }
                guard let oldest, oldest != olderThan else { break }
                olderThan = oldest
            }
            return (records, account.followers)
        } catch let error as CoreError {
            throw KitError.invalidImportSource(profile.string, reason: error.localizedDescription)
        }
    }
}
