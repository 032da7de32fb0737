import AdvocacyCore
import Foundation
import FuzzSupport

/// The entry point SwiftPM links the executable by: libFuzzer's driver.
@_cdecl("FuzzCSV_main")
public func start(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}

/// Any bytes, read as a CSV table row by row with each delimiter: a row or a
/// clear error, never a crash, a hang or memory out of bounds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for delimiter in [nil, CSVDelimiter.comma, .semicolon] {
        var reader = CSVReader(data: data, delimiter: delimiter)
        while (try? reader.next()) != nil {}
    }
    return 0
}
