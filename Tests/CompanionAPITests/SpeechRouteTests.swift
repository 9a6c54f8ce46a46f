import Accounts
import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Prometheus
import Speech
import SQLKit
import Storage
import Testing

@Suite("Speech: POST /v1/speech and the audio it points to")
struct SpeechRouteTests {
    @Test("a patient gets speech with marks, then the audio with ETag, long caching and 304 on revalidation")
    func speakAndFetch() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let text = "已为您预约明天上午9:30的儿科门诊，请提前15分钟到二楼签到。"
            let response = try await api.send(.post, "/v1/speech", json: #"{"text":"\#(text)","format":"mp3"}"#, token: session.accessToken)
            #expect(response.status == .ok)
            let speech = try response.json()
            let audioURL = try #require(speech["audioUrl"] as? String)
            let words = try #require(speech["words"] as? [[String: Any]])
            #expect(words.contains { $0["text"] as? String == "9:30" })
            #expect((speech["visemes"] as? [Any])?.count ?? 0 > 20)
            #expect((speech["durationMs"] as? Int ?? 0) > 4000)

            let audio = try await api.send(.get, audioURL, token: session.accessToken)
            #expect(audio.status == .ok)
            #expect(audio.headers[.contentType] == "audio/mpeg")
            #expect(audio.headers[.cacheControl] == "private, max-age=31536000, immutable")
            #expect(audio.body.readableBytes == speech["byteCount"] as? Int)
            let etag = try #require(audio.headers[.eTag])

            let again = try await api.send(.get, audioURL, token: session.accessToken, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)

            // The same request again is the same audio, by its key.
            let repeated = try await api.send(.post, "/v1/speech", json: #"{"text":"\#(text)","format":"mp3"}"#, token: session.accessToken)
            #expect(try repeated.json()["key"] as? String == speech["key"] as? String)
        }
    }

    @Test("each format is served with its media type; staff may use speech too")
    func formats() async throws {
        try await withAPI { api in
            let doctor = try await api.staffLogin(role: .doctor)
            for (format, mediaType) in [("wav", "audio/wav"), ("opus", "audio/ogg"), ("mp3", "audio/mpeg")] {
                let response = try await api.send(
                    .post, "/v1/speech", json: #"{"text":"Please take a seat.","lang":"en","format":"\#(format)"}"#,
                    token: doctor.accessToken)
                #expect(response.status == .ok)
                let url = try #require(try response.json()["audioUrl"] as? String)
                let audio = try await api.send(.get, url, token: doctor.accessToken)
                #expect(audio.headers[.contentType] == mediaType)
            }
        }
    }

    @Test("audio is the caller's own: another account gets 404 with its URL, as for audio that never existed")
    func audioIsPrivate() async throws {
        try await withAPI { api in
            let patient = try await api.login("13800000011")
            let other = try await api.login("13800000012")
            let body = #"{"text":"王小宝明天9:30儿科"}"#
            let mine = try await api.send(.post, "/v1/speech", json: body, token: patient.accessToken).json()
            let url = try #require(mine["audioUrl"] as? String)
            #expect(try await api.send(.get, url, token: patient.accessToken).status == .ok)
            let theirs = try await api.send(.get, url, token: other.accessToken)
            #expect(theirs.status == .notFound && theirs.problemCode == "not_found")
            // The same words asked for by the other account: their own key, which the first cannot use.
            let same = try await api.send(.post, "/v1/speech", json: body, token: other.accessToken).json()
            let otherURL = try #require(same["audioUrl"] as? String)
            #expect(otherURL != url && otherURL.prefix(49) == url.prefix(49), "same content address, another tag")
            #expect(try await api.send(.get, otherURL, token: patient.accessToken).status == .notFound)
        }
    }

    @Test("audio made through one instance is served by another with an empty cache, on either engine", arguments: TestEngine.available)
    func audioAcrossInstances(engine: TestEngine) async throws {
        try await withAPI(engine) { api in
            let session = try await api.login()
            // A text of this test's own: the tests share one speech cache, and audio found there is not written down again.
            let made = try await api.send(
                .post, "/v1/speech", json: #"{"text":"请到三楼检验科抽血（\#(engine)）。","format":"opus"}"#,
                token: session.accessToken)
            let url = try #require(try made.json()["audioUrl"] as? String)
            let original = try await api.send(.get, url, token: session.accessToken)

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("companion-second-instance-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let services = try await Services(
                database: api.database, clock: TestClock.wall(), otpSender: CapturingSender(),
                secret: String(repeating: "k", count: 40),
                speech: SpeechService(
                    cache: try SpeechCache(
                        directory: folder, capacityBytes: 16 << 20,
                        sealing: api.database.speechSealing)))
            let router = try buildRouter(services: services, registry: PrometheusCollectorRegistry(), publicMetrics: true)
            try await Application(router: router, logger: quietLogger).test(.router) { client in
                let second = API(client: client, database: api.database, sender: CapturingSender())
                let served = try await second.send(.get, url, token: session.accessToken)
                #expect(served.status == .ok && served.headers[.contentType] == "audio/ogg")
                // Made again from what was said. espeak-ng carries a little state from one synthesis to the next, so the
                // length can differ by a few milliseconds from the first making and Opus's variable rate by some bytes
                // (2.03% seen in CI); another text would differ by far more.
                let sizes = (Double(served.body.readableBytes), Double(original.body.readableBytes))
                #expect(abs(sizes.0 - sizes.1) / sizes.1 < 0.05, "\(sizes)")
            }
        }
    }

    @Test("what was said is written down when its audio is made, not again when it comes from the cache")
    func cacheHitWritesNothing() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let body = #"{"text":"请到一楼药房取药（写下一次）。","format":"mp3"}"#
            #expect(try await api.send(.post, "/v1/speech", json: body, token: session.accessToken).status == .ok)
            let rows = { try await TestDatabase.count("speech_requests", in: api.database) }
            #expect(try await rows() == 1)
            try await api.database.write("DELETE FROM speech_requests")
            #expect(try await api.send(.post, "/v1/speech", json: body, token: session.accessToken).status == .ok)
            #expect(try await rows() == 0, "the second request was answered from the cache without a write")
        }
    }

    @Test("speech and audio need a signed-in caller")
    func needsSignIn() async throws {
        try await withAPI { api in
            let session = try await api.login()
            let response = try await api.send(.post, "/v1/speech", json: #"{"text":"您好"}"#, token: session.accessToken)
            let url = try #require(try response.json()["audioUrl"] as? String)
            #expect(try await api.send(.post, "/v1/speech", json: #"{"text":"您好"}"#).status == .unauthorized)
            #expect(try await api.send(.get, url).status == .unauthorized)
        }
    }

    static let badInput: [(String, Int, String)] = [
        (#"{"text":""}"#, 422, "text"),
        (#"{"text":"   "}"#, 422, "text"),
        (#"{"text":"😊👍 **"}"#, 422, "text"),
        (#"{"text":"\#(String(repeating: "好", count: 2001))"}"#, 413, ""),
        (#"{"text":"您好","lang":"fr"}"#, 422, "lang"),
        (#"{"text":"您好","format":"flac"}"#, 422, "format"),
        (#"{"text":"您好","voice":"robot"}"#, 422, "voice"),
        (#"{"text":"您好","rate":5}"#, 422, "rate"),
        (#"{"text":"您好","pitch":0}"#, 422, "pitch"),
        (#"{"lang":"zh"}"#, 400, ""),
    ]

    @Test("bad speech requests are clear problems", arguments: badInput)
    func badRequests(body: String, status: Int, field: String) async throws {
        try await withAPI { api in
            let session = try await api.login()
            let response = try await api.send(.post, "/v1/speech", json: body, token: session.accessToken)
            #expect(response.status.code == status)
            #expect(response.isProblem)
            if status == 413 { #expect(response.problemCode == "text_too_long") }
            if !field.isEmpty {
                let errors = try response.json()["errors"] as? [[String: Any]]
                #expect(errors?.first?["field"] as? String == field)
            }
        }
    }

    @Test("an unknown or malformed audio key is 404")
    func unknownAudio() async throws {
        try await withAPI { api in
            let session = try await api.login()
            for key in ["0123456789abcdef0123456789abcdef", "..%2F..%2Fetc%2Fpasswd", "ZZZ"] {
                let response = try await api.send(.get, "/v1/speech/audio/\(key)", token: session.accessToken)
                #expect(response.status == .notFound)
                #expect(response.isProblem)
            }
        }
    }

    @Test("what was spoken never reaches the log")
    func logsHoldNoSpeechText() async throws {
        let logs = LogCapture()
        try await withAPI(logs: logs) { api in
            let session = try await api.login()
            _ = try await api.send(.post, "/v1/speech", json: #"{"text":"王小明的体温38.5℃"}"#, token: session.accessToken)
            _ = try await api.send(.post, "/v1/speech", json: #"{"text":"王小明","lang":"xx"}"#, token: session.accessToken)
        }
        #expect(!logs.text.contains("王小明"))
        // Not "38.5" alone: a request's duration in the log may read ms=138.5….
        #expect(!logs.text.contains("38.5℃") && !logs.text.contains("三十八点五"))
        #expect(logs.text.contains("/v1/speech"))
    }
}
