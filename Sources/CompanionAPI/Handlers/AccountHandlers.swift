import Wording
import Accounts
import Foundation
import Dialogue
import Records
import Scheduling
import Storage

extension APIHandlers {
    func deleteAccount(_ input: Operations.DeleteAccount.Input) async throws -> Operations.DeleteAccount.Output {
        let accountId = try RequestScope.requirePatientAccount()
        let result = try await services.accountDeletion.delete(accountId: accountId)
        let retained: [Components.Schemas.AccountDeleted.RetainedPayloadPayload] =
            result.keptSignedRecords == 0
            ? []
            : [
                .init(
                    kind: .signedRecord, count: result.keptSignedRecords, basis: .medicalRecordRetention,
                    detail: MessageCatalog.shipped.text("account_deleted_records_kept", RequestScope.language.rawValue))
            ]
        return .ok(
            .init(
                body: .json(
                    .init(
                        deleted: .init(
                            profiles: result.profiles, conversations: result.conversations, registrationRows: result.registrationRows,
                            encounters: result.encounters, spokenReplies: result.spokenReplies),
                        cancelledAppointments: result.cancelled.map {
                            .init(id: $0.id, departmentId: $0.departmentId, doctorId: $0.doctorId, startsAt: $0.startsAt)
                        },
                        retained: retained))))
    }

    func exportAccount(_ input: Operations.ExportAccount.Input) async throws -> Operations.ExportAccount.Output {
        let accountId = try RequestScope.requirePatientAccount()
        guard let account = try await AccountRow.read(accountId: accountId, on: services.database.sql) else { throw NotFound("account") }
        try await services.accessLog.read("export", by: "patient:" + accountId, accountId: accountId, patientId: nil, kind: "account", id: accountId)
        let profiles = try await services.patients.list(accountId: accountId, limit: PatientProfiles.maxPerAccount).items
        var appointments: [Components.Schemas.Appointment] = []
        for appointment in try await services.registration.allAppointments(accountId: accountId) {
            let history = try await services.registration.history(appointmentId: appointment.id, for: .patient(accountId: accountId))
            appointments.append(try await present(appointment, history: history))
        }
        let notices = try await services.registration.notifications(accountId: accountId, limit: Int.max)
        var conversations: [Components.Schemas.Conversation] = []
        for summary in try await services.conversations.list(accountId: accountId, limit: Int.max) {
            conversations.append(Self.conversation(try await services.conversations.get(accountId: accountId, id: summary.id)))
        }
        var records: [Components.Schemas.Record] = []
        for summary in try await services.records.signedRecords(accountId: accountId) {
            records.append(try await readRecord(summary.id, by: .patient(accountId: accountId)))
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        exportedAt: services.clock.now(), account: .init(id: account.id, phone: account.phone, createdAt: account.createdAt),
                        profiles: profiles.map(Self.patient), appointments: appointments, notifications: notices.map(Self.notice),
                        conversations: conversations, records: records,
                        consents: try await services.consents.history(accountId: accountId).map(Self.consent)))))
    }
}
