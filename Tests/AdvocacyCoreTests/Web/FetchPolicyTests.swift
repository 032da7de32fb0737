import AdvocacyCore
import Testing

@Suite("Where fetches may go")
struct FetchPolicyTests {
    @Test(arguments: [
        "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10", "169.254.169.254",
        "100.64.0.1", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1",
        "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "64:ff9b::7f00:1", "ff02::1", "[::1]",
        "fe80::1%eth0", "not an address", "",
    ])
    func internalAddressesAreRecognised(address: String) {
        #expect(InternalAddress.isInternal(address))
    }

    @Test(arguments: [
        "93.184.216.34", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.255.0.1", "192.169.0.1",
        "2606:4700::6810:85e5", "2a00:1450:4007:80c::200e", "::ffff:93.184.216.34", "64:ff9b::5db8:d822",
    ])
    func publicAddressesAreNot(address: String) {
        #expect(!InternalAddress.isInternal(address))
    }

    @Test func anAllowedHostMayBeInternalAndOnlyIt() {
        let policy = FetchPolicy(allowedInternalHosts: ["Blog.Intranet.example"])
        #expect(policy.permits(host: "blog.intranet.example", address: "10.1.2.3"))
        #expect(!policy.permits(host: "wiki.intranet.example", address: "10.1.2.3"))
        #expect(policy.permits(host: "example.org", address: "93.184.216.34"))
    }

    @Test func settingsCheckAndStoreTheirValues() throws {
        var settings = ProgrammeSettings()
        #expect(settings.fetchPolicy.allowedInternalHosts.isEmpty)
        let stored = try settings.set(.allowedFetchHosts, to: " Blog.Intranet.example,10.0.0.5  blog.intranet.example ")
        #expect(stored == "10.0.0.5,blog.intranet.example")
        #expect(try ProgrammeSettings(stored: ["fetch.allowed-hosts": stored, "retired.key": "x"]) == settings)
        #expect(throws: CoreError.self) { try settings.set(.allowedFetchHosts, to: "http://blog.intranet.example/") }
        #expect(try settings.set(.allowedFetchHosts, to: "") == "")
        #expect(
            throws: CoreError.unknownValue(
                "fetch.allowed", field: "setting", allowed: ProgrammeSettings.Key.allCases.map(\.rawValue))
        ) {
            try ProgrammeSettings.Key.parse("fetch.allowed")
        }
    }
}
