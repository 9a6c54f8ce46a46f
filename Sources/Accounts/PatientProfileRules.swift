import Foundation
import Storage

/// The validation rules of a patient profile, applied to the complete profile after a create or an update.
enum PatientProfileRules {
    static let maxNameLength = 50
    static let maxAllergies = 20
    static let earliestBirthDate = "1900-01-01"

    static func validate(_ profile: PatientProfile, today: String) throws {
        var v = Validator()
        let name = profile.name
        v.check(!name.isEmpty && name.count <= maxNameLength, "name", "1–\(maxNameLength) characters")
        v.check(
            !name.unicodeScalars.contains { CharacterSet.controlCharacters.contains($0) || CharacterSet.decimalDigits.contains($0) },
            "name", "must not contain digits or control characters")
        if let date = CalendarDate(profile.birthDate) {
            v.check(date.text <= today, "birthDate", "must not be in the future")
            v.check(date.text >= earliestBirthDate, "birthDate", "must be \(earliestBirthDate) or later")
        } else {
            v.check(false, "birthDate", "must be a date YYYY-MM-DD")
        }
        if let idNumber = profile.idNumber {
            if let parsed = ChineseIDNumber(idNumber) {
                v.check(parsed.birthDate == profile.birthDate, "idNumber", "the birth date in the ID number differs from birthDate")
            } else {
                v.check(false, "idNumber", "must be an 18-character resident ID number with a correct check digit")
            }
        }
        if let phone = profile.phone {
            v.check(PhoneNumber(phone) != nil, "phone", "must be a mobile number")
        }
        v.check(profile.allergies.count <= maxAllergies, "allergies", "at most \(maxAllergies) entries")
        v.check(profile.allergies.allSatisfy { !$0.isEmpty && $0.count <= 50 }, "allergies", "each entry 1–50 characters")
        try v.throwIfFailed()
    }
}
