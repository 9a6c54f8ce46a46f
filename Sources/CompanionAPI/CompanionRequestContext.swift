import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's basic one plus the connected client's address, which limits
/// such as wrong staff passwords are counted by.
public struct CompanionRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
