import AdvocacyCLI
import Foundation

exit(AdvocacyCLI.run(arguments: Array(CommandLine.arguments.dropFirst()), context: .live))
