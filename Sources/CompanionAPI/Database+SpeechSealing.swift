import Foundation
import Speech
import Storage

extension Database {
    /// The speech cache's files sealed with this database's speech key and named by its keyed hash.
    public var speechSealing: SpeechSealing {
        SpeechSealing(
            seal: { [self] in try seal($0, .speech) },
            open: { try Sealed.open($0, .speech) },
            digest: { [self] in try keyedHash(Data("speech-cache:".utf8) + $0) })
    }
}
