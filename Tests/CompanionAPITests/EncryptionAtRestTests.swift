import CompanionAPI
import CompanionTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Speech
import Storage
import Testing

/// Health text at rest: a distinctive sentence sent through every path that keeps one is found in no file of the
/// database or the speech cache (SQLite) and in no column (PostgreSQL), yet reads back whole through the API; a key
/// rotation while patients talk loses nothing.
struct EncryptionAtRestTests {
    static let sentence = "左边后槽牙疼了整整十一天"

    @Test(
        "a sentence through conversation, speech, booking, cancelling, transcript, draft and amendment is nowhere in the clear",
        arguments: TestEngine.available)
    func nothingInTheClear(engine: TestEngine) async throws {
        try await withAPI(engine, clock: RecordScene.clock()) { api in
            let scene = try await RecordScene.make(api)
            let token = scene.patient.accessToken
            let adult = try await api.createPatient(token, name: "王大明", birthDate: "1960-02-03")
            let allergic = try await api.send(.patch, "/v1/patients/\(adult)", json: #"{"allergies":["头孢克洛皮疹"]}"#, token: token)
            #expect(allergic.status == .ok && allergic.text.contains("头孢克洛皮疹"), "\(allergic.text)")
            let started = try await api.send(.post, "/v1/conversations", json: #"{"patientId":"\#(adult)"}"#, token: token)
            let conversationId = try started.json()["id"] as! String
            let said = try await api.send(
                .post, "/v1/conversations/\(conversationId)/messages",
                json: #"{"text":"\#(Self.sentence)","speech":{"format":"mp3"}}"#, token: token)
            #expect(said.status == .ok, "\(said.text)")
            let spoken = try await api.send(.post, "/v1/speech", json: #"{"text":"\#(Self.sentence)"}"#, token: token)
            let audioURL = try #require(try spoken.json()["audioUrl"] as? String)
            let audio = try await api.send(.get, audioURL, token: token)
            #expect(audio.status == .ok && audio.body.readableBytes > 1000)

            let slotId = try await AccountDeletionTests.openSession(api, doctorId: "doc_neurology_1", date: "2026-12-11")
            let booked = try await api.send(
                .post, "/v1/appointments",
                json: """
                    {"slotId":"\(slotId)","patientId":"\(adult)","reason":"\(Self.sentence)"}
                    """, token: token, headers: [HTTPField.Name("Idempotency-Key")!: "book-neurology"])
            #expect(booked.status == .created, "\(booked.text)")
            let cancelled = try await api.send(
                .post, "/v1/appointments/\(try booked.json()["id"] as! String)/cancel",
                json: #"{"reason":"\#(Self.sentence)"}"#, token: token)
            #expect(cancelled.status == .ok, "\(cancelled.text)")

            let encounterId = try await scene.consultation()
            let appended = try await api.send(
                .post, "/v1/encounters/\(encounterId)/transcript",
                json: """
                    {"turns":[{"speaker":"patient","text":"\(Self.sentence)"}]}
                    """, token: scene.doctor.accessToken)
            #expect(appended.status == .ok, "\(appended.text)")
            let drafted = try await api.send(
                .post, "/v1/encounters/\(encounterId)/drafts", json: #"{"template":"zh-outpatient"}"#,
                token: scene.doctor.accessToken)
            let draftId = try drafted.json()["id"] as! String
            #expect(drafted.text.contains("支气管炎"))
            _ = try await api.send(.post, "/v1/drafts/\(draftId)/sign", token: scene.doctor.accessToken)
            let amended = try await api.send(
                .post, "/v1/records/\(draftId)/amendments",
                json: """
                    {"sections":[{"key":"plan","text":"\(Self.sentence)"}],"reason":"\(Self.sentence)"}
                    """, token: scene.doctor.accessToken)
            #expect(amended.status == .created, "\(amended.text)")

            // Everything reads back whole.
            let conversation = try await api.send(.get, "/v1/conversations/\(conversationId)", token: token)
            #expect(conversation.text.contains(Self.sentence))
            let encounter = try await api.send(.get, "/v1/encounters/\(encounterId)", token: scene.doctor.accessToken)
            #expect(encounter.text.contains(Self.sentence) && encounter.text.contains("发烧三天了"))
            let amendment = try await api.send(.get, "/v1/records/\(try amended.json()["id"] as! String)", token: scene.doctor.accessToken)
            #expect(amendment.text.contains(Self.sentence))
            #expect(try amendment.json()["contentVerified"] as? Bool == true)
            #expect(try await api.send(.get, "/v1/notifications", token: token).text.contains("已取消预约"))
            #expect(try await api.send(.get, "/v1/patients/\(adult)", token: token).text.contains("头孢克洛皮疹"))

            // …and nothing is stored in the clear: the sentence, the scene's complaint, the doctor's diagnosis, a notice.
            let needles = [Self.sentence, "后槽牙", "发烧三天了", "支气管炎", "已取消预约", "头孢克洛"]
            switch api.database.url {
            case .sqlite(let path):
                var files = ["", "-wal", "-shm"].map { path + $0 }
                let cache = try #require(api.speech).cache.directory
                files += try FileManager.default.contentsOfDirectory(atPath: cache.path).map { cache.appendingPathComponent($0).path }
                #expect(files.count > 4)
                for file in files {
                    guard let bytes = FileManager.default.contents(atPath: file) else { continue }
                    for needle in needles { #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) in \(file)") }
                }
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
            default:
                for needle in needles {
                    #expect(try await AccountDeletionTests.columns(containing: needle, in: api.database) == [], "\(needle)")
                }
            }
            for column in SealedColumns.all {
                let values = try await Self.values(of: column, in: api.database)
                #expect(values.allSatisfy(Sealed.isSealed), "\(column.table).\(column.column)")
            }
        }
    }

    @Test("rotating the keys while patients talk: every turn kept and readable, all sealed with the new keys", arguments: TestEngine.available)
    func rotationUnderLoad(engine: TestEngine) async throws {
        try await withAPI(engine, requestLimits: RequestLimits(turnsPerMinute: 1_000, speechPerMinute: 1_000)) { api in
            let token = try await api.login(consenting: true).accessToken
            let conversations = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await api.send(.post, "/v1/conversations", json: "{}", token: token).json()["id"] as! String }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let before = try api.database.sealingKey(.conversation)
            // Activation at once: this process is every instance, so none needs time to learn the new keys.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in conversations {
                    group.addTask {
                        for index in 0..<8 {
                            let sent = try await api.send(
                                .post, "/v1/conversations/\(id)/messages", json: #"{"text":"头疼第\#(index)天"}"#,
                                token: token)
                            guard sent.status == .ok else { throw HarnessError("message: \(sent.text)") }
                        }
                    }
                }
                group.addTask {
                    try await api.database.addDataKeys(activeFrom: Date())
                    _ = try await api.database.reseal()
                }
                try await group.waitForAll()
            }
            _ = try await api.database.reseal()
            let after = try api.database.sealingKey(.conversation)
            #expect(after != before)
            for id in conversations {
                let turns = try await api.send(.get, "/v1/conversations/\(id)", token: token).json()["turns"] as? [[String: Any]]
                #expect(turns?.count == 17)
                #expect(turns?.contains { $0["text"] as? String == "头疼第7天" } == true)
            }
            for column in SealedColumns.all {
                let values = try await Self.values(of: column, in: api.database)
                let current = try api.database.sealingKey(column.purpose)
                #expect(values.allSatisfy { Sealed.keyId(of: $0) == current }, "\(column.table).\(column.column)")
            }
        }
    }

    @Test("text stored before sealing existed still reads, and a rotation seals it")
    func legacyPlainText() async throws {
        try await withAPI { api in
            let token = try await api.login(consenting: true).accessToken
            let id = try await api.send(.post, "/v1/conversations", json: "{}", token: token).json()["id"] as! String
            try await api.database.write("UPDATE conversation_turns SET text = 'plain greeting' WHERE conversation_id = \(bind: id)")
            let turns = try await api.send(.get, "/v1/conversations/\(id)", token: token).json()["turns"] as? [[String: Any]]
            #expect(turns?.first?["text"] as? String == "plain greeting")
            let counts = try await api.database.reseal()
            #expect(counts["conversation_turns.text"] == 1)
            let stored = try await Self.values(
                of: SealedColumns.all.first { $0.table == "conversation_turns" && $0.column == "text" }!,
                in: api.database)
            #expect(stored.allSatisfy(Sealed.isSealed))
        }
    }

    @Test("a database refuses another master key, and a wrong key file is named")
    func wrongMasterKey() async throws {
        try await TestDatabase.with(.sqlite) { db in
            await #expect(throws: StorageError.self) { try await db.unlock(with: MasterKey.random()) }
            #expect(throws: StorageError.self) { try MasterKey(base64: "too short") }
            let stored = try db.seal("秘密", .record)
            #expect(try Sealed.open(stored, .record) == "秘密")
            #expect(throws: StorageError.self) { try Sealed.open(stored, .transcript) }
            // A character inside the base64 body carries six bits of the nonce or ciphertext (the last ones may be padding).
            var altered = Array(stored)
            let inside = altered.lastIndex(of: ":")! + 3
            altered[inside] = altered[inside] == "A" ? "g" : "A"
            #expect(throws: StorageError.self) { try Sealed.open(String(altered), .record) }
        }
    }

    static func values(of column: SealedColumn, in database: Database) async throws -> [String] {
        try await database.sql.select().column(SQLIdentifier(column.column)).from(column.table)
            .where(SQLIdentifier(column.column), .isNot, SQLLiteral.null).all()
            .map { try $0.decode(column: column.column, as: String.self) }
    }
}
