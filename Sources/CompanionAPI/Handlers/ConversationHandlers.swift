import Accounts
import Dialogue
import Foundation
import OpenAPIRuntime
import Scheduling
import Speech
import Storage

extension APIHandlers {
    func startConversation(_ input: Operations.StartConversation.Input) async throws -> Operations.StartConversation.Output {
        let accountId = try RequestScope.requirePatientAccount()
        var patientId: String?
        var ageYears: Double?
        var language = Dialogue.Language.zh
        var hospitalId: String?
        if case .json(let body) = input.body {
            hospitalId = body.hospitalId
            if let id = body.patientId {
                let profile = try await services.patients.get(accountId: accountId, id: id)
                patientId = id
                ageYears = HospitalCalendar.shanghai.startOfDay(profile.birthDate).map { birth in
                    services.clock.now().timeIntervalSince(birth) / (365.25 * 86_400)
                }
            }
            if let raw = body.language {
                guard let parsed = Dialogue.Language(rawValue: raw) else { throw ValidationFailed([FieldError("language", "Must be zh or en.")]) }
                language = parsed
            }
        }
        let hospital = try HospitalChoice.resolve(hospitalId, among: try await services.directory.hospitals())
        try await services.consents.require(.healthConversation, accountId: accountId, patientId: patientId)
        let started = try await services.conversations.start(
            accountId: accountId, patientId: patientId, patientAgeYears: ageYears,
            hospitalId: hospital, language: language)
        return .created(.init(body: .json(.init(id: started.id, reply: Self.reply(started.reply, speech: nil)))))
    }

    func sendMessage(_ input: Operations.SendMessage.Input) async throws -> Operations.SendMessage.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        // Checked before the turn is taken, so a bad speech choice does not leave a turn half-answered.
        let speechChoice = try body.speech.map { choice in
            (
                format: try SpeechChoice.parse(choice.format, field: "speech.format") ?? SpeechFormat.mp3,
                voice: try SpeechChoice.parse(choice.voice, field: "speech.voice") ?? SpeechVoice.female
            )
        }
        try await services.admit(accountId, under: services.requestLimits.turns)
        // Asked at every turn: a withdrawal stops the very next message.
        let patientId = try await services.conversations.patientId(accountId: accountId, conversationId: input.path.conversationId)
        try await services.consents.require(.healthConversation, accountId: accountId, patientId: patientId)
        let reply = try await services.conversations.send(accountId: accountId, conversationId: input.path.conversationId, text: body.text)
        let library = services.speechLibrary
        let speak = speechChoice.map { choice in
            { @Sendable (text: String) async throws -> SpeechResult in
                let language: SpeechLanguage = reply.language == .zh ? .zh : .en
                let request = try SpeechRequest(text: text, language: language, voice: choice.voice, format: choice.format)
                return try await library.speak(request, for: accountId)
            }
        }
        if Self.prefersStream(input.headers.accept) {
            let events = ReplyEvents(reply: reply, speak: speak).asEncodedServerSentEvents()
            return .ok(.init(body: .textEventStream(HTTPBody(events, length: .unknown, iterationBehavior: .single))))
        }
        let speech = try await speak?(reply.text)
        return .ok(.init(body: .json(.init(reply: Self.reply(reply, speech: speech)))))
    }

    /// True when the client asks for the event stream and does not prefer JSON: a client that lists both at the same
    /// quality (as generated clients do by default) keeps the JSON reply it always had.
    static func prefersStream(_ accept: [AcceptHeaderContentType<Operations.SendMessage.AcceptableContentType>]) -> Bool {
        guard let stream = accept.first(where: { $0.contentType == .textEventStream }) else { return false }
        guard let json = accept.first(where: { $0.contentType == .json }) else { return true }
        return stream.quality.doubleValue > json.quality.doubleValue
    }

    func getConversation(_ input: Operations.GetConversation.Input) async throws -> Operations.GetConversation.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let record = try await services.conversations.get(accountId: accountId, id: input.path.conversationId)
        try await services.accessLog.read(
            "read", by: "patient:" + accountId, accountId: accountId, patientId: record.patientId,
            kind: "conversation", id: record.id)
        return .ok(.init(body: .json(Self.conversation(record))))
    }

    static func conversation(_ record: ConversationRecord) -> Components.Schemas.Conversation {
        let facts = record.state.facts
        let triage = record.turns.last(where: { $0.reply?.triage != nil })?.reply?.triage
        return .init(
            id: record.id, patientId: record.patientId, stage: record.state.stage.rawValue, language: record.state.language.rawValue,
            triage: triage.map(Self.triage),
            facts: .init(
                symptoms: facts.symptoms, negated: facts.negated, durationDays: facts.durationDays, temperature: facts.temperature,
                ageYears: facts.ageYears),
            turns: record.turns.map {
                .init(seq: $0.seq, role: $0.role, text: $0.text, reply: $0.reply.map { Self.reply($0, speech: nil) }, createdAt: $0.createdAt)
            },
            createdAt: record.createdAt, updatedAt: record.updatedAt)
    }

    func deleteConversation(_ input: Operations.DeleteConversation.Input) async throws -> Operations.DeleteConversation.Output {
        let accountId = try RequestScope.requirePatientAccount()
        try await services.conversations.delete(accountId: accountId, id: input.path.conversationId)
        return .noContent(.init())
    }

    func listConversations(_ input: Operations.ListConversations.Input) async throws -> Operations.ListConversations.Output {
        let accountId = try RequestScope.requirePatientAccount()
        try await services.accessLog.read(
            "list_conversations", by: "patient:" + accountId, accountId: accountId, patientId: nil,
            kind: "account", id: accountId)
        let items = try await services.conversations.list(accountId: accountId).map { summary in
            Components.Schemas.ConversationList.ItemsPayloadPayload(
                id: summary.id, patientId: summary.patientId, stage: summary.stage, language: summary.language, complaint: summary.complaint,
                createdAt: summary.createdAt, updatedAt: summary.updatedAt)
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func forgetConversations(_ input: Operations.ForgetConversations.Input) async throws -> Operations.ForgetConversations.Output {
        let accountId = try RequestScope.requirePatientAccount()
        _ = try await services.conversations.deleteAll(accountId: accountId)
        return .noContent(.init())
    }

    static func reply(_ reply: Reply, speech: SpeechResult?) -> Components.Schemas.Reply {
        .init(
            text: reply.text, stage: reply.stage.rawValue, language: reply.language.rawValue, quickReplies: reply.quickReplies,
            cards: reply.cards.map { card in
                .init(
                    _type: card.type, title: card.title, text: card.text, phone: card.phone,
                    place: card.place.map { .init(name: $0.name, building: $0.building, floor: $0.floor, zone: $0.zone, room: $0.room) },
                    faqId: card.faqId, slots: card.slots?.map(Self.slotOption), appointmentId: card.appointmentId)
            },
            actions: reply.actions.map { .init(_type: $0.type, appointmentId: $0.appointmentId) },
            triage: reply.triage.map(Self.triage), speech: speech.map(Self.speech))
    }

    static func slotOption(_ slot: SlotOption) -> Components.Schemas.SlotOption {
        .init(
            slotId: slot.slotId, doctorId: slot.doctorId, doctorName: slot.doctorName, departmentId: slot.departmentId,
            departmentName: slot.departmentName, date: slot.date, time: slot.time, startsAt: slot.startsAt, fee: slot.feeYuan,
            remaining: slot.remaining, released: slot.released, releaseAt: slot.releaseAt)
    }

    static func triage(_ triage: TriageSummary) -> Components.Schemas.TriageSummary {
        .init(
            level: triage.level.rawValue, departmentId: triage.departmentId, departmentName: triage.departmentName,
            redFlags: triage.redFlags, reason: triage.reason)
    }
}
