import AdvocacyCore
import Foundation

/// Everything the store can refuse or fail at, with what to do about it.
public enum StoreError: Error, Equatable, Sendable {
    case databaseMissing(path: String)
    case notADatabase(path: String, reason: String)
    case newerSchema(path: String)
    /// `backup` would replace an existing file without `--force`.
    case backupExists(path: String)
    /// A backup could not be written or its copy failed SQLite's integrity check.
    case backupFailed(path: String, reason: String)
    /// An admin-only operation run without saying who acts, while the programme has an admin.
    case adminRequired(operation: String)
    case unknownActor(EmailAddress)
    /// With the nearest registered emails, when a lookup has them.
    case unknownEmployee(EmailAddress, nearest: [String] = [])
    /// With the nearest project codes, when a lookup has them.
    case unknownProject(ProjectCode, nearest: [String] = [])
    case unknownChannel(CanonicalURL)
    case unknownAction(CanonicalURL)
    case duplicateEmployee(EmailAddress)
    case duplicateHRID(String, owner: EmailAddress)
    case duplicateProject(ProjectCode)
    case duplicateChannel(CanonicalURL, owner: EmailAddress)
    case duplicateAction(CanonicalURL, owner: EmailAddress)
    case channelNotDerivable(CanonicalURL, kind: ChannelKind, owner: EmailAddress)
    case inactiveEmployee(EmailAddress)
    case lastAdmin(EmailAddress)
    case adminAlreadyExists(existing: EmailAddress)
    case notEmpty(path: String)
    case metricsBeforePublication(date: LocalDate, published: LocalDate)
    case metricsBeforeLatest(date: LocalDate, latest: LocalDate)
    case replaceNeedsAdmin(path: String)
    case channelOwnedByOther(CanonicalURL, owner: EmailAddress, author: EmailAddress)
    case postOnOthersChannel(CanonicalURL, channel: CanonicalURL, owner: EmailAddress)
    case postOfAnotherAccount(CanonicalURL, account: CanonicalURL, yours: CanonicalURL, author: EmailAddress)
    case entryOffChannel(CanonicalURL, channel: CanonicalURL)
    /// Someone else's post or channel, whose owner chose not to appear to the colleague asking.
    case hiddenColleaguesWork(CanonicalURL)
    case channelNotOwnable(CanonicalURL, problem: String)
    case channelNestsOthers(CanonicalURL, other: CanonicalURL, owner: EmailAddress, under: Bool)
    case unknownReward(RewardCode)
    case duplicateReward(RewardCode, retired: Bool)
    case rewardRetired(RewardCode)
    case stockBelowGiven(RewardCode, stock: Int, given: Int)
    case noBudget(period: String)
    case budgetBelowCommitted(period: String, amount: String, committed: String)
    case wishesFull(RewardCode)
    case notWished(RewardCode)
    case unknownProposal(Int64)
    case proposalTransition(id: Int64, status: RewardStatus, to: RewardStatus)
    case approvalBlocked(id: Int64, reason: String)
    case alreadyRegistered(EmailAddress)
    case noFeed(CanonicalURL)
    case actionOfAnother(CanonicalURL, owner: EmailAddress)
    case actionInSettledPeriod(CanonicalURL, date: LocalDate, period: String, status: String)
    /// Someone else tracking a person's external channel without their recorded consent.
    case noConsent(EmailAddress, channel: CanonicalURL)
    /// The person withdrew consent (on that day): nothing new is tracked about them.
    case consentWithdrawn(EmailAddress, on: String)
    case alreadyErased(EmailAddress)
    case constraintViolated(String)
    case databaseFailure(path: String, reason: String)
}

extension StoreError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .databaseMissing(let path):
            "no database at \(path): create one with 'advocacy init' (or 'advocacy demo'), or point --db / ADVOCACY_DB at an existing file"
        case .notADatabase(let path, let reason):
            "\(path) is not an advocacy database (\(reason)): check the --db / ADVOCACY_DB path"
        case .newerSchema(let path):
            "\(path) was written by a newer version of advocacy, whose database changes this one does not know: "
                + "use that version or a later one ('advocacy --version' shows this one); the file was left unchanged"
        case .backupExists(let path):
            "\(path) already exists: choose another file, or pass --force to replace it"
        case .backupFailed(let path, let reason):
            "cannot write the backup \(path): \(reason); any file already at that path was left as it was"
        case .adminRequired(let operation):
            "only an admin may \(operation): pass --as with an admin's email, or set ADVOCACY_USER"
        case .unknownActor(let email):
            "the acting user \(email) is not a registered employee: check --as / ADVOCACY_USER, or ask an admin to run 'advocacy employee add \(email) --name NAME'"
        case .unknownEmployee(let email, let nearest):
            "no employee with email \(email): \(NearestNames.suggestion(nearest))see 'advocacy employee list', or add them with 'advocacy employee add'"
        case .unknownProject(let code, let nearest):
            "no project with code \(code): \(NearestNames.suggestion(nearest))see 'advocacy project list', or ask an admin to add it with 'advocacy project add \(code) --name NAME'"
        case .unknownChannel(let url):
            "no channel at \(url): see 'advocacy channel list', or add it with 'advocacy channel add EMAIL \(url)'"
        case .unknownAction(let url):
            "no action at \(url): see 'advocacy action list', or log it with 'advocacy log \(url)'"
        case .duplicateEmployee(let email):
            "an employee with email \(email) already exists: use 'advocacy employee update \(email)' to change them"
        case .duplicateHRID(let id, let owner):
            "HR id \(id) already belongs to \(owner): each HR id identifies one person"
        case .duplicateProject(let code):
            "a project with code \(code) already exists: use 'advocacy project update \(code)' to change it"
        case .duplicateChannel(let url, let owner):
            "the channel \(url) is already registered to \(owner)"
        case .duplicateAction(let url, let owner):
            "\(url) is already logged (by \(owner)): update its figures with 'advocacy metrics \(url)'"
        case .channelNotDerivable(let url, let kind, let owner):
            "cannot tell which \(kind.rawValue) channel of \(owner) \(url) belongs to: register theirs first with 'advocacy channel add \(owner) URL --kind \(kind.rawValue)' (their profile's address there)"
        case .inactiveEmployee(let email):
            "\(email) is deactivated: reactivate them with 'advocacy employee update \(email) --active' first"
        case .lastAdmin(let email):
            "\(email) is the last active admin: make someone else admin first, so the programme keeps one"
        case .adminAlreadyExists(let existing):
            "the database already has an admin (\(existing)): ask them to add people with 'advocacy employee add EMAIL --name NAME --role admin'"
        case .notEmpty(let path):
            "\(path) already holds a programme: pass --force to replace it with the demo, or choose another file with --db"
        case .metricsBeforePublication(let date, let published):
            "metrics dated \(date) come before the publication date \(published): expected a date on or after it"
        case .metricsBeforeLatest(let date, let latest):
            "the latest figures are dated \(latest), after \(date): expected a date on or after \(latest) (the latest snapshot is the one that counts)"
        case .replaceNeedsAdmin(let path):
            "replacing the programme in \(path) needs an admin: pass --as with an admin's email along with --force"
        case .channelOwnedByOther(let url, let owner, let author):
            "the channel \(url) belongs to \(owner): register \(author)'s own channel first with 'advocacy channel add \(author) URL'"
        case .postOnOthersChannel(let url, let channel, let owner):
            "\(url) is on \(owner)'s channel \(channel): a post counts only for its author, who logs it. If you shared or commented on it, log the address of your own share or comment"
        case .channelNotOwnable(let url, let problem):
            "\(url) cannot be registered as a personal channel: \(problem)"
        case .channelNestsOthers(let url, let other, let owner, let under):
            under
                ? "\(url) lies under \(owner)'s channel \(other): a channel is its owner's whole space, so nobody else registers a part of it (a site colleagues share is for an admin to list with 'advocacy settings set channels.shared-venues URL')"
                : "\(url) takes in \(owner)'s channel \(other): expected the address of your own space only (your profile, your blog's root)"
        case .hiddenColleaguesWork(let url):
            "\(url) is a colleague's, who chose not to appear to colleagues ('privacy hide'): a post or a channel counts only for its owner. If you shared or commented on a post, log the address of your own share or comment"
        case .entryOffChannel(let url, let channel):
            "\(url) does not lie on \(channel), the channel this feed or file belongs to: expected entries that link to \(channel) (a feed or file of someone else's is theirs to import)"
        case .postOfAnotherAccount(let url, let account, let yours, let author):
            "\(url) is a post of the account \(account), not of \(author)'s \(yours): if that account is theirs too, register it first with 'advocacy channel add \(author) \(account)'"
        case .unknownReward(let code):
            "no reward with code \(code) in the catalogue: see 'advocacy rewards catalog list', or ask HR to add it with 'advocacy rewards catalog add \(code) ...'"
        case .duplicateReward(let code, let retired):
            retired
                ? "the code \(code) belonged to a reward removed from the catalogue, and proposals keep it: choose another code"
                : "a reward with code \(code) already exists: use 'advocacy rewards catalog update \(code)' to change it"
        case .rewardRetired(let code):
            "\(code) was removed from the catalogue: choose a reward from 'advocacy rewards catalog list'"
        case .stockBelowGiven(let code, let stock, let given):
            "stock \(stock) for \(code) is below the \(given) units already approved or granted: expected a stock of at least \(given)"
        case .noBudget(let period):
            "no reward budget for \(period): set one with 'advocacy rewards budget set \(period) AMOUNT'"
        case .budgetBelowCommitted(let period, let amount, let committed):
            "a budget of \(amount) for \(period) is below the \(committed) already approved or granted: expected at least \(committed)"
        case .wishesFull(let code):
            "you already have three wishes, so \(code) cannot be added: replace one with 'advocacy rewards wish \(code) --rank N' or remove one with 'advocacy rewards wish remove CODE'"
        case .notWished(let code):
            "\(code) is not among your wishes: see 'advocacy rewards wish list'"
        case .unknownProposal(let id):
            "no reward proposal with id \(id): see 'advocacy rewards list'"
        case .proposalTransition(let id, let status, let next):
            "proposal \(id) is \(status.rawValue), so it cannot be \(next.rawValue): only "
                + RewardStatus.allCases.filter(RewardStatus.sources(of: next).contains).map(\.rawValue).joined(separator: " or ")
                + (next == .rejected ? " (not yet granted)" : "") + " rewards can be \(next.rawValue)"
        case .approvalBlocked(let id, let reason):
            "proposal \(id) cannot be approved: \(reason); nothing was changed"
        case .alreadyRegistered(let email):
            "\(email) is already registered with other details: pass --update to change registered people from the file"
        case .noFeed(let url):
            "the channel \(url) has no feed address: register it with 'advocacy channel add EMAIL \(url) --feed FEED_URL', or import a feed file with 'advocacy import feed'"
        case .actionInSettledPeriod(let url, let date, let period, let status):
            "\(url) was published on \(date), in \(period), whose rewards are \(status): its date stays within \(period), since that work was scored and rewarded there and would count twice elsewhere (expected \(date), or another day of \(period))"
        case .actionOfAnother(let url, let owner):
            "\(url) is already logged by \(owner): a post counts for one person; remove this row"
        case .noConsent(let email, let channel):
            "\(email) has not consented to others tracking their external channel \(channel): once they agree, record it with 'advocacy privacy consent \(email) --grant' (they can also add their own channels and work themselves)"
        case .consentWithdrawn(let email, let day):
            "\(email) withdrew their consent on \(day), so nothing new is tracked about them: if they agree again, record it with 'advocacy privacy consent \(email) --grant'"
        case .alreadyErased(let email):
            "\(email) is an erased person's pseudonym: their data was already erased"
        case .databaseFailure(let path, let reason):
            "cannot use the database \(path): \(reason)"
        case .constraintViolated(let detail):
            "the database refused the change (\(detail)); nothing was written"
        }
    }
}

extension StoreError: ProgrammeFailure {}
