#if os(Linux)
    import AdvocacyCore
    import Foundation
    import Glibc

    /// libcurl's easy interface, loaded the first time a feed is fetched.
    ///
    /// Linking it (through FoundationNetworking, whose URLSession is libcurl)
    /// made every command 7 ms slower to start, `--version` included: libcurl
    /// brings some thirty libraries (TLS, Kerberos, LDAP...) that the loader
    /// maps and resolves before `main`. Only `sync feeds` and `import feed`
    /// need it, so they open it themselves.
    ///
    /// `curl_easy_setopt` and `curl_easy_getinfo` are variadic; they are called
    /// here through one fixed signature per argument type, which the Linux
    /// calling conventions (x86-64 and AArch64) pass exactly as the variadic
    /// call would.
    final class Curl: Sendable {
        private typealias EasyInit = @convention(c) () -> OpaquePointer?
        private typealias SetLong = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
        private typealias SetPointer = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
        private typealias Perform = @convention(c) (OpaquePointer?) -> Int32
        private typealias GetLong = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>?) -> Int32
        private typealias GetString =
            @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>?)
            -> Int32
        private typealias Cleanup = @convention(c) (OpaquePointer?) -> Void
        private typealias StringError = @convention(c) (Int32) -> UnsafePointer<CChar>?
        private typealias ListAppend = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
        private typealias ListFree = @convention(c) (OpaquePointer?) -> Void
        typealias WriteFunction = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
        /// `CURLOPT_PREREQFUNCTION`: called once connected, before the request is sent.
        typealias PrereqFunction =
            @convention(c) (
                UnsafeMutableRawPointer?, UnsafeMutablePointer<CChar>?, UnsafeMutablePointer<CChar>?, Int32, Int32
            ) -> Int32

        private let easyInit: EasyInit
        private let setLong: SetLong
        private let setPointer: SetPointer
        private let perform: Perform
        private let getLong: GetLong
        private let getString: GetString
        private let cleanup: Cleanup
        private let stringError: StringError
        private let listAppend: ListAppend
        private let listFree: ListFree

        /// The library, or why it could not be loaded; loaded once.
        static let shared: Result<Curl, FetchFailure> = load()

        private static func load() -> Result<Curl, FetchFailure> {
            let names: [String] = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"]
            guard let library = names.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first else {
                return .failure(FetchFailure(reason: "libcurl is not installed (on Debian or Ubuntu: apt-get install libcurl4)"))
            }
            func symbol<Function>(_ name: String, as _: Function.Type) -> Function? {
                dlsym(library, name).map { unsafeBitCast($0, to: Function.self) }
            }
            guard let easyInit = symbol("curl_easy_init", as: EasyInit.self),
                let setopt = dlsym(library, "curl_easy_setopt"),
                let perform = symbol("curl_easy_perform", as: Perform.self),
                let getinfo = dlsym(library, "curl_easy_getinfo"),
                let cleanup = symbol("curl_easy_cleanup", as: Cleanup.self),
                let stringError = symbol("curl_easy_strerror", as: StringError.self),
                let listAppend = symbol("curl_slist_append", as: ListAppend.self),
                let listFree = symbol("curl_slist_free_all", as: ListFree.self)
            else { return .failure(FetchFailure(reason: "the installed libcurl lacks its easy interface")) }
            return .success(
                Curl(
                    easyInit: easyInit, setLong: unsafeBitCast(setopt, to: SetLong.self),
                    setPointer: unsafeBitCast(setopt, to: SetPointer.self),
                    perform: perform, getLong: unsafeBitCast(getinfo, to: GetLong.self),
                    getString: unsafeBitCast(getinfo, to: GetString.self), cleanup: cleanup,
                    stringError: stringError,
                    listAppend: listAppend, listFree: listFree))
        }

        private init(
            easyInit: EasyInit, setLong: SetLong, setPointer: SetPointer, perform: Perform, getLong: GetLong,
            getString: GetString, cleanup: Cleanup, stringError: StringError, listAppend: ListAppend, listFree: ListFree
        ) {
            self.easyInit = easyInit
            self.setLong = setLong
            self.setPointer = setPointer
            self.perform = perform
            self.getLong = getLong
            self.getString = getString
            self.cleanup = cleanup
            self.stringError = stringError
            self.listAppend = listAppend
            self.listFree = listFree
        }

        // From curl/curl.h (stable since libcurl 7.x).
        private enum Option {
            static let writeData: Int32 = 10_001, url: Int32 = 10_002, userAgent: Int32 = 10_018, headers: Int32 = 10_023
            static let acceptEncoding: Int32 = 10_102, writeFunction: Int32 = 20_011
            static let lowSpeedLimit: Int32 = 19, lowSpeedTime: Int32 = 20, followLocation: Int32 = 52, maxRedirects: Int32 = 68
            static let noSignal: Int32 = 99, timeoutMilliseconds: Int32 = 155, connectTimeoutMilliseconds: Int32 = 156
            static let protocols: Int32 = 181, redirectProtocols: Int32 = 182
            // libcurl 7.80 and later.
            static let prereqFunction: Int32 = 20_312, prereqData: Int32 = 10_313
        }
        private static let effectiveURL: Int32 = 0x10_0001
        private static let httpAndHTTPS = 1 | 2
        private static let responseCode: Int32 = 0x20_0002
        private enum Code {
            static let ok: Int32 = 0, unknownHost: Int32 = 6, cannotConnect: Int32 = 7, timedOut: Int32 = 28
            static let tooManyRedirects: Int32 = 47, abortedByCallback: Int32 = 42
            /// Ours, not libcurl's: it refused to limit the protocols.
            static let protocolsRefused: Int32 = -1
            /// Ours: it cannot ask about the addresses it connects to (before 7.80).
            static let addressCheckRefused: Int32 = -2
        }

        /// What a download gathers; the write callback reaches it through its pointer.
        private final class Download {
            var data = Data()
            let limit: Int
            var tooLarge = false
            let policy: FetchPolicy
            /// The address refused, and the address (URL) it was reached for.
            var refused: (url: String, address: String)?
            /// Reads the URL being fetched, from inside the connection callback.
            var currentURL: () -> String? = { nil }
            init(limit: Int, policy: FetchPolicy) {
                self.limit = limit
                self.policy = policy
            }
        }

        /// GETs `address` (http or https only, redirects too) and returns the
        /// body of a 200 answer of at most `sizeLimit` bytes.
        func get(
            _ address: String, headers: [String], userAgent: String, timeout: TimeInterval, sizeLimit: Int, policy: FetchPolicy
        ) -> Result<Data, FetchFailure> {
            var list: OpaquePointer?
            // Freed after the handle that uses it (defers run last first).
            defer { listFree(list) }
            guard let handle = easyInit() else { return .failure(FetchFailure(reason: "libcurl could not start a download")) }
            defer { cleanup(handle) }
            for header in headers { list = listAppend(list, header) }
            let download = Download(limit: sizeLimit, policy: policy)
            download.currentURL = { [getString] in
                var url: UnsafePointer<CChar>?
                guard getString(handle, Self.effectiveURL, &url) == Code.ok, let url else { return nil }
                return String(cString: url)
            }
            let context = Unmanaged.passUnretained(download).toOpaque()
            let write: WriteFunction = { bytes, size, count, context in
                guard let context else { return 0 }
                let download = Unmanaged<Download>.fromOpaque(context).takeUnretainedValue()
                let length = size * count
                guard download.data.count + length <= download.limit else {
                    download.tooLarge = true
                    return 0  // fewer bytes than given: libcurl stops with a write error
                }
                if let bytes { download.data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length) }
                return length
            }
            // Asked on every connection, redirects included, once the host is resolved.
            let checkAddress: PrereqFunction = { context, primaryIP, _, _, _ in
                guard let context, let primaryIP else { return 1 }
                let download = Unmanaged<Download>.fromOpaque(context).takeUnretainedValue()
                let address = String(cString: primaryIP)
                let url = download.currentURL() ?? ""
                let host = URL(string: url)?.host ?? ""
                guard download.policy.permits(host: host, address: address) else {
                    download.refused = (url, address)
                    return 1  // CURL_PREREQFUNC_ABORT
                }
                return 0
            }
            let milliseconds = Int(timeout * 1000)
            // `download` is reached only through the unretained pointer while libcurl runs.
            let outcome: Int32 = withExtendedLifetime(download) {
                address.withCString { url in
                    userAgent.withCString { agent in
                        "".withCString { anyEncoding in
                            _ = setPointer(handle, Option.url, url)
                            _ = setPointer(handle, Option.userAgent, agent)
                            _ = setPointer(handle, Option.headers, list.map { UnsafeRawPointer($0) })
                            _ = setPointer(handle, Option.acceptEncoding, anyEncoding)
                            _ = setPointer(handle, Option.writeFunction, unsafeBitCast(write, to: UnsafeRawPointer.self))
                            _ = setPointer(handle, Option.writeData, context)
                            // Without them a redirect could lead to file:// or another scheme: refuse to go on.
                            guard setLong(handle, Option.protocols, Self.httpAndHTTPS) == Code.ok,
                                setLong(handle, Option.redirectProtocols, Self.httpAndHTTPS) == Code.ok
                            else { return Code.protocolsRefused }
                            guard
                                setPointer(handle, Option.prereqFunction, unsafeBitCast(checkAddress, to: UnsafeRawPointer.self))
                                    == Code.ok, setPointer(handle, Option.prereqData, context) == Code.ok
                            else { return Code.addressCheckRefused }
                            _ = setLong(handle, Option.followLocation, 1)
                            _ = setLong(handle, Option.maxRedirects, 10)
                            // No answer for `timeout` fails, as does a whole download over three times that.
                            _ = setLong(handle, Option.connectTimeoutMilliseconds, milliseconds)
                            _ = setLong(handle, Option.lowSpeedLimit, 1)
                            _ = setLong(handle, Option.lowSpeedTime, max(1, Int(timeout.rounded(.up))))
                            _ = setLong(handle, Option.timeoutMilliseconds, milliseconds * 3)
                            _ = setLong(handle, Option.noSignal, 1)
                            return perform(handle)
                        }
                    }
                }
            }
            if download.tooLarge { return .failure(FetchFailure(reason: "the feed is over \(sizeLimit >> 20) MB")) }
            if let refused = download.refused {
                return .failure(
                    FetchFailure(
                        reason: CoreError.internalAddress(url: refused.url, address: refused.address).localizedDescription))
            }
            guard outcome == Code.ok else {
                let reason =
                    switch outcome {
                    case Code.timedOut: "no answer within \(Int(timeout)) s"
                    case Code.unknownHost: "the host name is not known"
                    // libcurl does not tell a refusal from no route to the host.
                    case Code.cannotConnect: "could not connect to the server"
                    case Code.tooManyRedirects: "too many redirects"
                    case Code.protocolsRefused: "this libcurl cannot be limited to http and https"
                    case Code.addressCheckRefused:
                        "this libcurl cannot check the addresses it connects to (libcurl 7.80 or later is needed)"
                    default: stringError(outcome).map { String(cString: $0) } ?? "libcurl error \(outcome)"
                    }
                return .failure(FetchFailure(reason: reason))
            }
            var status = 0
            _ = getLong(handle, Self.responseCode, &status)
            guard status == 200 else { return .failure(.answered(status)) }
            return .success(download.data)
        }
    }
#endif
