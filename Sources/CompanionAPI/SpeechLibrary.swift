import Crypto
import Foundation
import SQLKit
import Speech
import Storage

/// Speech as the API hands it out. An audio key is personal: the content key followed by a tag that only the
/// caller it was made for can present (an HMAC of the caller and the content key under the server's secret), so
/// another account cannot fetch a patient's reply and cannot even learn that it exists. What was said is kept in
/// the shared database by content key, so an instance whose own cache lacks the audio makes it again.
struct SpeechLibrary: Sendable {
    let service: SpeechService
    let database: Database
    let clock: any NowProvider
    private let tagKey: SymmetricKey
    /// Subject and content key pairs this instance has written to `speech_owners`, so a repeated reply writes nothing.
    private let ownersWritten = BoundedMemory<String, Bool>()

    init(service: SpeechService, database: Database, clock: any NowProvider, secret: String) {
        self.service = service
        self.database = database
        self.clock = clock
        tagKey = SymmetricKey(data: SHA256.hash(data: Data(("speech-audio-tag:" + secret).utf8)))
    }

    /// Speaks for `subject`; the result's key is the subject's own. What was said, and for whom, is written down the
    /// first time this instance speaks it for them, so a repeated reply costs no write; the rows are kept as long as
    /// the audio (`RetentionRule`).
    func speak(_ request: SpeechRequest, for subject: String) async throws -> SpeechResult {
        var (result, made) = try await service.speakSayingIfMade(request)
        let owner = subject + "\u{1F}" + result.key
        if made || ownersWritten[owner] == nil {
            try await remember(request, key: result.key, for: subject)
            ownersWritten.remember(true, for: owner)
        }
        result.key = personalKey(result.key, subject: subject)
        return result
    }

    /// Deletes, inside the caller's transaction, whom speech was made for and what was said to no one else; the
    /// content keys whose audio goes from the cache once the transaction commits (`forgetAudio`).
    static func forget(subject: String, on db: any SQLDatabase) async throws -> [String] {
        let keys = try await db.raw("DELETE FROM speech_owners WHERE subject = \(bind: subject) RETURNING key").all()
            .map { try $0.decode(column: "key", as: String.self) }
        var orphaned: [String] = []
        for key in keys {
            let gone = try await db.raw(
                """
                DELETE FROM speech_requests WHERE key = \(bind: key)
                  AND NOT EXISTS (SELECT 1 FROM speech_owners WHERE speech_owners.key = \(bind: key)) RETURNING key
                """
            ).first()
            if gone != nil { orphaned.append(key) }
        }
        return orphaned
    }

    /// Deletes this instance's cached audio and marks of `keys`.
    func forgetAudio(_ keys: [String]) async {
        await service.cache.remove(keys: keys)
    }

    /// The audio behind a personal key, for the subject it was made for only; nil for anyone else, for a key that
    /// was never handed out, and for speech no instance can make again.
    func audio(personalKey: String, for subject: String) async throws -> SpeechCache.Audio? {
        guard personalKey.utf8.count == 64 else { return nil }
        let contentKey = String(personalKey.prefix(32))
        guard SpeechService.isWellFormedKey(contentKey), self.personalKey(contentKey, subject: subject) == personalKey else { return nil }
        if let audio = await service.audio(key: contentKey) { return audio }
        guard let request = try await rememberedRequest(contentKey) else { return nil }
        _ = try await service.speak(request)
        return await service.audio(key: contentKey)
    }

    func personalKey(_ contentKey: String, subject: String) -> String {
        let tag = HMAC<SHA256>.authenticationCode(for: Data((subject + "\u{1F}" + contentKey).utf8), using: tagKey)
        return contentKey + tag.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private func remember(_ request: SpeechRequest, key: String, for subject: String) async throws {
        let now = Clock.millis(clock.now())
        try await database.transaction { db in
            try await db.raw(
                """
                INSERT INTO speech_owners (subject, key, created_at) VALUES (\(bind: subject), \(bind: key), \(bind: now))
                ON CONFLICT (subject, key) DO UPDATE SET created_at = excluded.created_at
                """
            ).run()
            // Written whenever the owner row is: the audio may come from this cache after another instance swept the row.
            try await db.raw(
                """
                INSERT INTO speech_requests (key, language, voice, format, rate_percent, pitch_percent, text, created_at)
                VALUES (\(bind: key), \(bind: request.language.rawValue), \(bind: request.voice.rawValue), \(bind: request.format.rawValue),
                        \(bind: Int((request.rate * 100).rounded())), \(bind: Int((request.pitch * 100).rounded())),
                        \(bind: try database.seal(request.text, .speech)),
                        \(bind: now))
                ON CONFLICT (key) DO UPDATE SET created_at = excluded.created_at
                """
            ).run()
        }
    }

    private func rememberedRequest(_ key: String) async throws -> SpeechRequest? {
        guard
            let row = try await database.sql.raw(
                """
                SELECT language, voice, format, rate_percent, pitch_percent, text FROM speech_requests WHERE key = \(bind: key)
                """
            ).first()
        else { return nil }
        return try SpeechRequest(
            text: try Sealed.open(try row.decode(column: "text", as: String.self), .speech),
            language: SpeechLanguage(rawValue: try row.decode(column: "language", as: String.self)),
            voice: SpeechVoice(rawValue: try row.decode(column: "voice", as: String.self)) ?? .female,
            format: SpeechFormat(rawValue: try row.decode(column: "format", as: String.self)) ?? .mp3,
            rate: Double(try row.decode(column: "rate_percent", as: Int.self)) / 100,
            pitch: Double(try row.decode(column: "pitch_percent", as: Int.self)) / 100)
    }
}
