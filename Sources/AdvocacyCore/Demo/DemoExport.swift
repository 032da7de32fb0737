extension DemoDataset {
    /// The columns of ``writeActionsCSV(writer:to:)``: what `import actions` reads.
    public static let actionColumns = [
        "email", "url", "kind", "title", "date", "projects", "effort", "reactions", "comments", "shares", "impressions", "clicks",
        "metrics_date",
    ]

    /// The demo's actions as an `import actions` file, each with its latest
    /// figures (the benchmark file of the import, and a round trip the tests
    /// check: importing it gives the programme the demo loads directly), in
    /// pieces of about a megabyte handed to `write` in order, so five million
    /// actions never sit in memory at once; how many actions it wrote.
    @discardableResult
    public func writeActionsCSV(writer: CSVWriter = CSVWriter(), to write: ([UInt8]) throws -> Void) rethrows -> Int {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(OutputPiece.bytes + 4_096)
        writer.append(Self.actionColumns, to: &bytes)
        var count = 0
        for action in actionStream {
            count += 1
            let latest = action.metrics.last
            let figures = latest?.metrics
            writer.append(
                [
                    channels[action.channelIndex].channel.owner.value, action.url.string, action.kind.rawValue, action.title,
                    action.date.description, action.projects.map(\.value).joined(separator: "|"),
                    action.effortHours.map { NumberText.plain($0) } ?? "", figures.map { String($0.reactions) } ?? "",
                    figures.map { String($0.comments) } ?? "", figures.map { String($0.shares) } ?? "",
                    figures?.impressions.map(String.init) ?? "", figures.map { String($0.clicks) } ?? "",
                    latest?.date.description ?? "",
                ], to: &bytes)
            try OutputPiece.handOnIfFull(&bytes, to: write)
        }
        if !bytes.isEmpty { try write(bytes) }
        return count
    }
}
