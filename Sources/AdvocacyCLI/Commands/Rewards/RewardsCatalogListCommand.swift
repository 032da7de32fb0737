import AdvocacyCore
import ArgumentParser

struct RewardsCatalogListCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the rewards on offer, with what is left of each.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run(in context: CommandContext) throws {
        let viewer = try global.requireViewer(in: context, for: "rewards catalog list")
        let entries = try global.openProgramme(in: context).rewardCatalogue(by: viewer)
        if output.format == .text && entries.isEmpty {
            context.print(
                "The catalogue is empty: HR adds rewards with 'advocacy rewards catalog add CODE --name NAME --category C --cost AMOUNT'."
            )
            return
        }
        try context.emit(entries, as: output) {
            output.format == .csv ? CatalogueEntry.csvTable(entries) : CatalogueEntry.table(entries)
        }
    }
}
