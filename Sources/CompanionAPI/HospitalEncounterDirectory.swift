import Accounts
import Dialogue
import Foundation
import Records
import Scheduling
import Storage

/// Answers Records' questions about an appointment from Scheduling (the appointment, doctor, department), Accounts
/// (the patient profile and the consent ledger) and Dialogue (what the patient told the companion before the visit).
struct HospitalEncounterDirectory: EncounterDirectory {
    let registration: Registration
    let patients: PatientProfiles
    let consents: ConsentLedger
    let conversations: Conversations

    func parties(appointmentId: String) async throws -> EncounterParties? {
        let appointment: Appointment
        do {
            appointment = try await registration.appointment(id: appointmentId, for: .admin(staffId: "records"))
        } catch is NotFound {
            return nil
        }
        guard appointment.status != .cancelled else { return nil }
        let profile = try await patients.get(accountId: appointment.accountId, id: appointment.patientId)
        let doctor = try await registration.directory.doctor(id: appointment.doctorId)
        let department = try await registration.directory.department(id: appointment.departmentId)
        return EncounterParties(
            appointmentId: appointment.id, accountId: appointment.accountId, patientId: profile.id, patientName: profile.name,
            patientGender: profile.gender.rawValue, patientBirthDate: profile.birthDate, doctorId: doctor.id, doctorName: doctor.name,
            departmentName: department.name, startsAt: appointment.startsAt, patientAllergies: profile.allergies)
    }

    func previsitComplaint(for parties: EncounterParties) async throws -> String? {
        let complaint = try await conversations.complaint(
            accountId: parties.accountId, patientId: parties.patientId, appointmentId: parties.appointmentId)
        var lines: [String] = []
        if let complaint { lines.append(complaint) }
        if !parties.patientAllergies.isEmpty { lines.append("对" + parties.patientAllergies.joined(separator: "、") + "过敏。") }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    func requireConsent(to processing: EncounterProcessing, accountId: String, patientId: String) async throws {
        let purpose: ConsentPurpose =
            switch processing {
            case .recording: .consultationRecording
            case .drafting: .recordDrafting
            }
        // A deleted account's profile is gone: nothing more is recorded or drafted for it.
        do {
            try await consents.require(purpose, accountId: accountId, patientId: patientId)
        } catch is NotFound {
            throw AccountsError.consentRequired(purpose: purpose, patientId: patientId)
        }
    }
}
