/// Where the programme's database file is when no path is given: the same
/// rule for the command line and the server.
public enum DatabaseLocation {
    /// `$ADVOCACY_DB`, else `$XDG_DATA_HOME/advocacy/advocacy.sqlite`, else
    /// `~/.local/share/advocacy/advocacy.sqlite`; `given` (a `--db` option)
    /// first, `~` expanded. `nil` when there is no home to put it in.
    public static func path(given: String?, environment: [String: String]) -> String? {
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let home = nonEmpty(environment["HOME"])
        func expand(_ path: String) -> String {
            if path == "~" || path.hasPrefix("~/"), let home { return home + path.dropFirst() }
            return path
        }
        if let path = nonEmpty(given) ?? nonEmpty(environment["ADVOCACY_DB"]) { return expand(path) }
        if let dataHome = nonEmpty(environment["XDG_DATA_HOME"]), dataHome.hasPrefix("/") {
            return dataHome + "/advocacy/advocacy.sqlite"
        }
        guard let home else { return nil }
        return home + "/.local/share/advocacy/advocacy.sqlite"
    }
}
