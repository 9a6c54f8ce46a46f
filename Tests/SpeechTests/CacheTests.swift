import Foundation
import Testing
@testable import Speech

struct CacheTests {
    @Test func theSameRequestIsServedFromTheCache() async throws {
        try await withSpeechService { service in
            let request = try SpeechRequest(text: "请到三楼儿科签到。", format: .mp3)
            let first = try await service.speak(request)
            let file = service.cache.directory.appendingPathComponent(first.key + ".audio")
            let written = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
            let second = try await service.speak(request)
            #expect(second == first)
            #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date == written)
            #expect(await service.cache.count == 1)
        }
    }

    @Test func rateAndPitchAreKeptToStepsSoNearlyEqualAsksShareTheAudio() throws {
        let text = "请到三楼儿科签到。"
        let service = SpeechService(
            cache: try SpeechCache(
                directory: FileManager.default.temporaryDirectory
                    .appendingPathComponent("steps-\(UUID().uuidString)"), capacityBytes: 1 << 20))
        func key(rate: Double = 1, pitch: Double = 1) throws -> String {
            try service.cacheKey(for: try SpeechRequest(text: text, rate: rate, pitch: pitch))
        }
        #expect(try key(rate: 0.5) == key(rate: 0.50001))
        #expect(try key(pitch: 1.2) == key(pitch: 1.19999))
        #expect(try key(rate: 0.5) != key(rate: 0.55))
    }

    @Test func numbersSpelledOutSlowlyArePastTheBudget() async throws {
        try await withSpeechService { service in
            let digits = (0..<125).map { _ in "987654321098765" }.joined(separator: " ")
            await #expect(throws: SpeechError.spokenTooLong(limit: SpeechRequest.maximumSpokenCharacters)) {
                _ = try await service.speak(try SpeechRequest(text: digits, language: .en, format: .opus, rate: 0.5))
            }
            _ = try await service.speak(try SpeechRequest(text: "Please check in on the third floor.", language: .en, rate: 0.5))
        }
    }

    @Test func everyChoiceThatChangesTheAudioChangesTheKey() async throws {
        try await withSpeechService { service in
            let text = "请到三楼儿科签到。"
            let requests = [
                try SpeechRequest(text: text), try SpeechRequest(text: text, format: .opus),
                try SpeechRequest(text: text, voice: .male), try SpeechRequest(text: text, rate: 1.2),
                try SpeechRequest(text: text, pitch: 1.2), try SpeechRequest(text: text + "谢谢"),
                try SpeechRequest(text: "Please check in on the third floor.", language: .en),
            ]
            let keys = Set(try requests.map { try service.cacheKey(for: $0) })
            #expect(keys.count == requests.count)
            #expect(keys.allSatisfy(SpeechService.isWellFormedKey))
        }
    }

    @Test func theLeastRecentlyUsedGoesWhenTheCapIsPassed() async throws {
        let texts = ["第一句话。", "第二句话。", "第三句话。"]
        // A cap that holds two of these sentences but not three.
        let size = try await withSpeechService { try await $0.make(SpeechRequest(text: texts[0], format: .wav)).0.byteCount }
        try await withSpeechService(capacityBytes: size * 5 / 2) { service in
            let first = try await service.speak(SpeechRequest(text: texts[0], format: .wav))
            let second = try await service.speak(SpeechRequest(text: texts[1], format: .wav))
            let sending = try #require(await service.audio(key: second.key), "opened before it is evicted")
            // Use the first again, so the second is now the oldest.
            #expect(await service.audio(key: first.key) != nil)
            let third = try await service.speak(SpeechRequest(text: texts[2], format: .wav))
            #expect(await service.cache.storedBytes <= size * 5 / 2)
            #expect(try await sending.file.readAll().count == second.byteCount, "audio evicted while sent is still sent whole")
            #expect(await service.audio(key: first.key) != nil)
            #expect(await service.audio(key: third.key) != nil)
            #expect(await service.audio(key: second.key) == nil)
            let evicted = service.cache.directory.appendingPathComponent(second.key + ".audio")
            #expect(!FileManager.default.fileExists(atPath: evicted.path))
        }
    }

    @Test func aReopenedCacheStillHasItsAudio() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speech-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = SpeechService(cache: try SpeechCache(directory: directory, capacityBytes: 1 << 20))
        let result = try await first.speak(SpeechRequest(text: "药房在一楼。", format: .opus))
        let reopened = SpeechService(cache: try SpeechCache(directory: directory, capacityBytes: 1 << 20))
        let audio = try #require(await reopened.audio(key: result.key))
        #expect(audio.format == .opus)
        #expect(try await audio.file.readAll().count == result.byteCount)
        #expect(try await reopened.speak(SpeechRequest(text: "药房在一楼。", format: .opus)) == result)
    }

    @Test func audioIsDeletedItsMaximumAgeAfterItWasMadeHoweverOftenUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speech-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = TestWallClock()
        let day: TimeInterval = 86_400
        let service = SpeechService(cache: try SpeechCache(directory: directory, capacityBytes: 1 << 20, maxAge: 7 * day, now: clock.now))
        let old = try await service.speak(SpeechRequest(text: "张三，您明天上午九点在儿科就诊。", format: .opus))
        clock.advance(6 * day)
        #expect(await service.audio(key: old.key) != nil)
        let newer = try await service.speak(SpeechRequest(text: "药房在一楼。", format: .opus))
        clock.advance(1 * day + 60)
        #expect(await service.audio(key: old.key) == nil)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(old.key + ".audio").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(old.key + ".json").path))
        #expect(await service.audio(key: newer.key) != nil)

        // A cache opened later deletes what passed its age while the server was down (file times say when made).
        let made = try #require(
            try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(newer.key + ".audio").path)[.modificationDate] as? Date)
        let reopened = try SpeechCache(directory: directory, capacityBytes: 1 << 20, maxAge: 7 * day, now: { made.addingTimeInterval(8 * day) })
        #expect(await reopened.count == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func keysThatAreNotOursNeverReachTheDisk() async throws {
        try await withSpeechService { service in
            for key in ["../../etc/passwd", "", "ABCDEF0123456789ABCDEF0123456789", String(repeating: "a", count: 33)] {
                #expect(await service.audio(key: key) == nil)
            }
        }
    }
}

/// A wall clock a test moves by hand.
final class TestWallClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()
    var now: @Sendable () -> Date { { self.lock.withLock { self.current } } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
