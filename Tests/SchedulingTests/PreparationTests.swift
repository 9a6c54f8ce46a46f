import Clinical
import Testing

@testable import Scheduling

@Suite struct PreparationTests {
    @Test func notesForEveryVisitComeFirstThenTheSpecialtys() {
        let notes = Preparation.shipped.notes(specialties: ["ophthalmology"], english: true)
        #expect(notes.count == 3 && notes.last?.contains("pupils") == true)
        #expect(Preparation.shipped.notes(specialties: ["cardiology"], english: false).count == 2)
    }

    /// A combined department (妇产科) gets each note once.
    @Test func aNoteComesOnceForACombinedDepartment() {
        #expect(Preparation.shipped.notes(specialties: ["gynecology", "obstetrics"], english: true).count == 3)
    }

    @Test(arguments: [
        (#"{"always": true, "zh": "", "en": "x"}"#, "zh and en"),
        (#"{"zh": "带病历", "en": "Bring records"}"#, "for every visit"),
        (#"{"specialties": [], "zh": "带病历", "en": "Bring records"}"#, "for every visit"),
        (#"{"always": true, "zh": "带病历"}"#, "missing field"),
    ])
    func aBrokenNoteNamesItsLine(line: String, message: String) {
        do {
            _ = try Preparation.load(KnowledgeFile(name: "p.jsonl", text: "# notes\n" + line))
            Issue.record("loaded \(line)")
        } catch let error as KnowledgeError {
            #expect(error.line == 2 && error.message.contains(message), "\(error)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
