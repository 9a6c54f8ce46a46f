import Foundation
import ModelRuntime
import OpenAPIRuntime
import Records
import Scheduling
import Storage

extension APIHandlers {
    func openEncounter(_ input: Operations.OpenEncounter.Input) async throws -> Operations.OpenEncounter.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        let (encounter, created) = try await services.records.open(appointmentId: body.appointmentId, by: try await recordActor())
        let view = Self.encounter(encounter, transcript: nil)
        return created ? .created(.init(body: .json(view))) : .ok(.init(body: .json(view)))
    }

    func getEncounter(_ input: Operations.GetEncounter.Input) async throws -> Operations.GetEncounter.Output {
        let (encounter, transcript) = try await services.records.encounter(id: input.path.encounterId, by: try await recordActor())
        return .ok(.init(body: .json(Self.encounter(encounter, transcript: transcript))))
    }

    func appendTranscript(_ input: Operations.AppendTranscript.Input) async throws -> Operations.AppendTranscript.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        var validator = Validator()
        let turns = body.turns.enumerated().map { index, turn -> TranscriptTurn in
            // `previsit` is a speaker, but only the companion writes it: Records refuses it with the other rules.
            let speaker = Speaker(rawValue: turn.speaker)
            validator.check(speaker != nil, "turns[\(index)].speaker", "Must be doctor, patient or other.")
            return TranscriptTurn(speaker: speaker ?? .other, text: turn.text, startMs: turn.startMs, endMs: turn.endMs)
        }
        try validator.throwIfFailed()
        let count = try await services.records.appendTranscript(encounterId: input.path.encounterId, turns: turns, by: try await recordActor())
        return .ok(.init(body: .json(.init(turnCount: count))))
    }

    func createDraft(_ input: Operations.CreateDraft.Input) async throws -> Operations.CreateDraft.Output {
        var template: DraftTemplate?
        var engine: String?
        if case .json(let body) = input.body {
            template = body.template.flatMap { DraftTemplate(rawValue: $0.rawValue) }
            engine = body.engine
        }
        let record = try await services.records.draft(
            encounterId: input.path.encounterId, template: template, engine: engine, by: try await recordActor())
        return .created(.init(body: .json(Self.record(record, omissions: try await services.records.omissions(of: record)))))
    }

    func getDraft(_ input: Operations.GetDraft.Input) async throws -> Operations.GetDraft.Output {
        let actor = try await recordActor()
        if case .patient = actor { throw Problem.forbidden("Drafts are for the encounter's doctor; patients read their signed records.") }
        return .ok(.init(body: .json(try await readRecord(input.path.recordId, by: actor))))
    }

    func editDraft(_ input: Operations.EditDraft.Input) async throws -> Operations.EditDraft.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        let record = try await services.records.edit(
            id: input.path.recordId, sections: body.sections.map { ($0.key, $0.text) }, baseRevision: body.baseRevision, by: try await recordActor())
        return .ok(.init(body: .json(Self.record(record, omissions: try await services.records.omissions(of: record)))))
    }

    func listRevisions(_ input: Operations.ListRevisions.Input) async throws -> Operations.ListRevisions.Output {
        let revisions = try await services.records.revisions(id: input.path.recordId, by: try await recordActor())
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: revisions.map { revision in
                            .init(
                                revision: revision.revision, author: revision.author, createdAt: revision.createdAt,
                                changes: revision.changes.map { .init(key: $0.key, before: $0.before, after: $0.after) })
                        }))))
    }

    func signDraft(_ input: Operations.SignDraft.Input) async throws -> Operations.SignDraft.Output {
        let record = try await services.records.sign(id: input.path.recordId, by: try await recordActor())
        return .ok(.init(body: .json(Self.record(record))))
    }

    func listRecords(_ input: Operations.ListRecords.Input) async throws -> Operations.ListRecords.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let records = try await services.records.signedRecords(accountId: accountId)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: records.map { summary in
                            .init(
                                id: summary.id, encounterId: summary.encounterId, doctorName: summary.doctorName,
                                departmentName: summary.departmentName,
                                visitAt: summary.visitAt, version: summary.version, signedAt: summary.signedAt)
                        }))))
    }

    func getRecord(_ input: Operations.GetRecord.Input) async throws -> Operations.GetRecord.Output {
        return .ok(.init(body: .json(try await readRecord(input.path.recordId, by: try await recordActor()))))
    }

    func getRecordFhir(_ input: Operations.GetRecordFhir.Input) async throws -> Operations.GetRecordFhir.Output {
        let bundle = try await services.records.fhir(id: input.path.recordId, by: try await recordActor())
        return .ok(.init(body: .applicationFhirJson(try JSONDecoder().decode(OpenAPIValueContainer.self, from: bundle))))
    }

    func amendRecord(_ input: Operations.AmendRecord.Input) async throws -> Operations.AmendRecord.Output {
        guard case .json(let body) = input.body else { throw Problem.invalidBody("Send a JSON body.") }
        let record = try await services.records.amend(
            id: input.path.recordId, sections: body.sections.map { ($0.key, $0.text) }, reason: body.reason, by: try await recordActor())
        return .created(.init(body: .json(Self.record(record))))
    }

    func getRecordAudit(_ input: Operations.GetRecordAudit.Input) async throws -> Operations.GetRecordAudit.Output {
        let actor = try await recordActor()
        guard case .admin = actor else { throw Problem.forbidden("The audit log is for administrators.") }
        let entries = try await services.records.auditLog(recordId: input.path.recordId, by: actor)
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: entries.map {
                            .init(recordId: $0.recordId, encounterId: $0.encounterId, actor: $0.actor, action: $0.action, at: $0.at)
                        }))))
    }

    // MARK: Presentation

    /// A record as read (and audited), with whether its signed content still matches its hash.
    func readRecord(_ id: String, by actor: RecordActor) async throws -> Components.Schemas.Record {
        let (record, encounter) = try await services.records.record(id: id, by: actor)
        let verified = record.status == .signed ? services.records.verify(record, encounter: encounter) : nil
        return Self.record(record, verified: verified, omissions: try await services.records.omissions(of: record))
    }

    func recordActor() async throws -> RecordActor {
        switch try await schedulingCaller() {
        case .patient(accountId: let accountId): .patient(accountId: accountId)
        case .doctor(staffId: let staffId, doctorId: let doctorId): .doctor(staffId: staffId, doctorId: doctorId)
        case .admin(staffId: let staffId): .admin(staffId: staffId)
        }
    }

    static func encounter(_ encounter: Encounter, transcript: [TranscriptTurn]?) -> Components.Schemas.Encounter {
        .init(
            id: encounter.id, appointmentId: encounter.appointmentId, patientId: encounter.patientId, patientName: encounter.patientName,
            doctorId: encounter.doctorId, doctorName: encounter.doctorName, departmentName: encounter.departmentName,
            startsAt: encounter.startsAt, turnCount: encounter.turnCount, createdAt: encounter.createdAt,
            transcript: transcript?.map { .init(speaker: $0.speaker.rawValue, text: $0.text, startMs: $0.startMs, endMs: $0.endMs) })
    }

    static func record(_ record: ClinicalRecord, verified: Bool? = nil, omissions: [Omission]? = nil) -> Components.Schemas.Record {
        .init(
            id: record.id, encounterId: record.encounterId, template: record.template.rawValue,
            status: record.status == .signed ? .signed : .draft, revision: record.revision, version: record.version,
            engine: .init(name: record.engine.name, model: record.engine.model, version: record.engine.version),
            sections: record.sections.map { section in
                .init(
                    key: section.key, title: section.title, text: section.text,
                    statements: section.statements.map { statement in
                        .init(
                            text: statement.text, evidence: statement.evidence.map { .init(turn: $0.turn, start: $0.start, end: $0.end) },
                            flags: statement.flags.map(\.rawValue))
                    })
            },
            createdAt: record.createdAt, updatedAt: record.updatedAt, signedBy: record.signedBy, signedAt: record.signedAt,
            contentSha256: record.contentSHA256, contentVerified: verified, amends: record.amends, amendmentReason: record.amendmentReason,
            supersededBy: record.supersededBy,
            omissions: omissions?.map { omission in
                .init(
                    kind: .init(rawValue: omission.kind.rawValue) ?? .finding, text: omission.text,
                    evidence: omission.evidence.map { .init(turn: $0.turn, start: $0.start, end: $0.end) })
            })
    }
}
