import AdvocacyCore
import AdvocacyKit
import ArgumentParser
import Foundation

/// Values the shell completes, read from the programme the command line
/// names (`--db`, else `$ADVOCACY_DB`, else the default file): project
/// codes, teams and emails; and the fixed words (kinds, tiers, channel
/// kinds) and the recent periods. A completion never fails: with no
/// readable database it offers nothing.
enum Completions {
    static let projectCodes = CompletionKind.custom { arguments, _, _ in
        (try? programme(arguments)?.projects().map(\.project.code.value)) ?? []
    }

    static let teams = CompletionKind.custom { arguments, _, _ in
        let people = (try? programme(arguments)?.employees(seenBy: nil)) ?? []
        return Array(Set(people.compactMap(\.team))).sorted()
    }

    static let emails = CompletionKind.custom { arguments, _, _ in
        ((try? programme(arguments)?.employees(seenBy: nil)) ?? []).filter(\.isActive).map(\.email.value)
    }

    static let actionKinds = CompletionKind.list(ActionKind.allCases.map(\.rawValue))
    static let channelKinds = CompletionKind.list(ChannelKind.allCases.map(\.rawValue))
    static let tiers = CompletionKind.list(AudienceTier.allCases.map(\.rawValue))

    /// This year, its quarters and months so far, and last year's quarters.
    static let periods = CompletionKind.custom { _, _, _ in
        let today = LocalDate(Date(), in: .current)
        let year = today.year
        let quarters = (1...4).flatMap { ["\(year - 1)-Q\($0)"] } + (1...((today.month - 1) / 3 + 1)).map { "\(year)-Q\($0)" }
        let months = (1...today.month).map { String(format: "%04d-%02d", year, $0) }
        return ["\(year)"] + quarters.reversed() + months.reversed()
    }

    /// The programme the words being completed name, opened only if its file exists.
    private static func programme(_ arguments: [String]) -> Programme? {
        let given: String? = arguments.firstIndex(of: "--db").flatMap {
            arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
        }
        guard let path = DatabaseLocation.path(given: given, environment: ProcessInfo.processInfo.environment),
            FileManager.default.isReadableFile(atPath: path)
        else { return nil }
        return try? Programme.open(atPath: path)
    }
}
