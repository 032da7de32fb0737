import Foundation

/// The language a report is written in.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case fr, en
}
