import CompanionTestSupport
import Foundation
import Hummingbird
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The loopback server the model and gateway tests stand up must stop cleanly however clients connect: connections
/// the kernel accepted while it stops used to end the whole test process (NIO's unfinished-writer trap).
@Suite("Loopback test server")
struct LoopbackServerTests {
    /// Opens a TCP connection to 127.0.0.1:`port` and leaves it open; the kernel completes it before the server reads it.
    static func connect(_ port: Int) -> Int32 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return socketDescriptor
    }

    @Test("stopping while connections are still arriving neither traps nor hangs", arguments: 0..<20)
    func stopsWhileConnectionsArrive(round: Int) async throws {
        let router = Router()
        router.get("/") { _, _ in "ok" }
        let sockets = Mutex<[Int32]>([])
        try await LoopbackServer.run(router, logger: quietLogger) { port in
            // Connected but never served before the stop begins: the race the stop has to survive.
            for _ in 0..<(20 + round) {
                let opened = Self.connect(port)
                sockets.withLock { $0.append(opened) }
            }
        }
        for socketDescriptor in sockets.withLock({ $0 }) { close(socketDescriptor) }
    }
}
