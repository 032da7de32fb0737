import AdvocacyCore
import Foundation
import FuzzSupport

/// The entry point SwiftPM links the executable by: libFuzzer's driver.
@_cdecl("FuzzURL_main")
public func start(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzz)
}

/// Any bytes as text, canonicalised: an address that is a fixed point (its
/// canonical form canonicalises to itself, the fast path agreeing with the
/// parser) or a clear error, never a crash. A disagreement stops the run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let url = try? CanonicalURL(text) else { return 0 }
    guard let again = try? CanonicalURL(url.string), again == url else {
        fatalError("'\(text)' canonicalises to '\(url.string)', which does not canonicalise to itself")
    }
    _ = ChannelLocator.channelURL(forPost: url)
    _ = XStatus.id(of: url)
    _ = LinkedInPost.urn(of: url)
    return 0
}
