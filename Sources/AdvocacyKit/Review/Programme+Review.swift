import AdvocacyCore
import Foundation

extension Programme {
    /// Reads what the CIO's report shows for `period`, compared with
    /// `comparison` (cio, hr or admin). Everything comes from one read
    /// snapshot, so the figures agree with each other even while people
    /// log work.
    public func review(period: Period, comparison: Period, today: LocalDate, by actorEmail: EmailAddress) throws
        -> ProgrammeReview
    {
        try store.review(period: period, comparison: comparison, today: today, by: actorEmail)
    }
}
