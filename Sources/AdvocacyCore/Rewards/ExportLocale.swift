/// How `rewards export` writes its CSV: for scripts and English
/// spreadsheets (`en`: points with a decimal point, amounts in cents,
/// English words), or for a French Excel (`fr`: decimal commas, amounts in
/// euros with two decimals, French headers and reasons, `;` between cells).
public enum ExportLocale: String, CaseIterable, Sendable, Vocabulary {
    case en, fr
    public static let vocabularyName = "export locale"
}
