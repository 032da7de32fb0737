/// Starts libFuzzer on a target's test function.
///
/// SwiftPM links an executable target's entry point as `<Target>_main`; each
/// fuzz target defines that entry point and hands over to libFuzzer's driver
/// here, so libFuzzer's own `main` is never needed.
public enum FuzzDriver {
    public typealias Test = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ test: Test
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzDriver.Test
) -> CInt
