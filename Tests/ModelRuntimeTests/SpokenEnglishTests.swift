import Testing
@testable import ModelRuntime

/// Speech transcribed without punctuation is cut into sentences a record can quote, and the quotes read as written
/// English: no "um", no word said twice, tokenisation undone, the patient named as the consultation names them.
struct SpokenEnglishTests {
    static let breaks = EnglishReading.breaks
    static let disfluencies = EnglishReading.disfluencies

    @Test func aLongUnpunctuatedStretchIsCutWhereANewSentenceStarts() {
        let text = Array(
            "the x-ray of your right ankle showed no fracture which is a good thing okay so now let me talk to you about my assessment "
                + "and plan for your ankle pain the symptoms are consistent with a sprain of the lateral ligament complex")
        let pieces = SpokenEnglish.sentences(in: text, 0..<text.count, breaks: Self.breaks).map { String(text[$0]) }
        #expect(pieces.count >= 2, "\(pieces)")
        #expect(pieces[0] == "the x-ray of your right ankle showed no fracture which is a good thing")
        #expect(pieces.joined(separator: " ").filter { !$0.isWhitespace } == String(text).filter { !$0.isWhitespace })
    }

    @Test func aShortSentenceIsNotCut() {
        let text = Array("so now I feel okay so far")
        #expect(SpokenEnglish.sentences(in: text, 0..<text.count, breaks: Self.breaks) == [0..<text.count])
    }

    @Test func cuttingIsLinearInTheLength() {
        // 200,000 words of breaks and words: one pass, every piece at least the shortest.
        let text = Array(String(repeating: "okay so now the knee hurts ", count: 40_000))
        let pieces = SpokenEnglish.sentences(in: text, 0..<text.count, breaks: Self.breaks)
        #expect(pieces.count > 1000)
        #expect(pieces.dropLast().allSatisfy { text[$0].split(separator: " ").count >= 5 })
    }

    @Test func quotesAreTidied() {
        let tidy = { SpokenEnglish.tidy($0, disfluencies: Self.disfluencies) }
        #expect(tidy("i , i have been , um , doing well with that .") == "I have been, doing well with that.")
        #expect(tidy("i do n't know , you know , it 's gon na hurt") == "I don't know, it's going to hurt")
        #expect(tidy("things have , have gotten better and y- you know better") == "things have gotten better and better")
        #expect(tidy("i 'cause she said so") == "I 'cause she said so")
    }

    @Test func youIsTheSubjectOrTheObjectOfItsClause() {
        let person = ThirdPerson(.female)
        #expect(person.doctor("I want you to record your blood pressure") == "I want her to record her blood pressure")
        #expect(person.doctor("you need to rest and you and I will talk") == "She needs to rest and she and I will talk")
        #expect(person.doctor("I'd like to see you take the medication") == "I'd like to see her take the medication")
        #expect(ThirdPerson().patient("when I first fell I heard a pop") == "When the patient first fell the patient heard a pop")
        #expect(ThirdPerson(.male).patient("I feel my knee is worse") == "He feels his knee is worse")
    }

    @Test func theRecordSaysSheWhenTheDoctorDoes() throws {
        let visit = [
            TranscriptTurn(speaker: .doctor, text: "Martha is a 50-year-old female here for her annual exam. How are you?"),
            TranscriptTurn(speaker: .patient, text: "I've been hiking a lot and my knee hurts."),
            TranscriptTurn(speaker: .doctor, text: "On exam, your knee is swollen. Hey dragon, show me the x-ray."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        let subjective = try #require(draft.section("subjective")).statements.map(\.text)
        #expect(subjective.contains("She has been hiking a lot and her knee hurts."), "\(subjective)")
        let objective = try #require(draft.section("objective")?.text)
        #expect(objective == "On exam, her knee is swollen.", "the introduction and the dictation command stay out")
    }

    @Test func thePlanKeepsTheAssessmentAsTheDoctorSaidIt() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "my ankle hurts since i fell yesterday"),
            TranscriptTurn(
                speaker: .doctor,
                text: "on exam there is swelling over the lateral malleolus and tenderness to palpation okay so let's talk about my assessment "
                    + "and plan for your right ankle pain the symptoms are consistent with a right ankle sprain we will keep the leg elevated "
                    + "and continue to ice it and i'll see you again in fourteen days"),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("the symptoms are consistent with a right ankle sprain we will keep the leg elevated"), "\(plan)")
        #expect(draft.section("objective")?.text.contains("assessment") == false)
        #expect(draft.statementsWithoutEvidence.isEmpty && draft.invalidEvidence(in: visit).isEmpty)
    }

    @Test func aSymptomSaidOfABodySiteIsWrittenWithItAndItsSide() throws {
        let visit = [
            TranscriptTurn(speaker: .doctor, text: "So what brings you in?"),
            TranscriptTurn(speaker: .patient, text: "My right knee hurts when I climb stairs, and there's some pain."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        #expect(draft.section("chiefComplaint")?.text == "Right knee pain.")
    }

    @Test func theReasonForTheVisitIsShortAndNeverAPronoun() throws {
        let visit = [
            TranscriptTurn(speaker: .doctor, text: "thanks for being here for me today"),
            TranscriptTurn(speaker: .doctor, text: "she's here to establish care for a history of dcis."),
        ]
        #expect(builtInDraft(visit, template: .enSOAP).section("chiefComplaint")?.text == "History of dcis.")
    }

    @Test func medicinesTheDoctorGoesOverAreTakenAndAnAllergyIsNeither() throws {
        let visit = [
            TranscriptTurn(speaker: .doctor, text: "For medications, I have that you take vitamin D. I have that you're allergic to penicillin."),
            TranscriptTurn(speaker: .doctor, text: "I'll prescribe amoxicillin 500 mg twice a day."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        let subjective = try #require(draft.section("subjective")?.text)
        #expect(subjective.contains("Current medications: vitamin D"), "\(subjective)")
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("Amoxicillin 500 mg twice a day.") && !plan.contains("Vitamin D.") && !plan.contains("Penicillin"), "\(plan)")
    }

    @Test func aQuestionWithoutAQuestionMarkIsStillAsked() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "my right foot hurts since yesterday"),
            TranscriptTurn(speaker: .doctor, text: "okay have you taken any medications for example tylenol or ibuprofen for the pain"),
            TranscriptTurn(speaker: .patient, text: "no"),
            TranscriptTurn(speaker: .doctor, text: "any fever"),
            TranscriptTurn(speaker: .patient, text: "no"),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        #expect(draft.section("plan")?.statements.isEmpty == true, "a medicine asked about is not prescribed")
        #expect(draft.section("subjective")?.text.contains("Denies fever.") == true, "\(draft.section("subjective")?.text ?? "")")
    }

    @Test func negationReachesFiveWordsBackUntilTheSentenceTurns() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "I hurt my right leg."),
            TranscriptTurn(speaker: .doctor, text: "I really don't see any evidence of a fracture. I think this is a contusion."),
            TranscriptTurn(speaker: .patient, text: "No fever, but I have a cough."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        #expect(draft.section("assessment")?.text.contains("Fracture") == false, "\(draft.section("assessment")?.text ?? "")")
        let subjective = try #require(draft.section("subjective")?.text)
        #expect(subjective.contains("cough") && subjective.contains("Denies fever"), "\(subjective)")
    }

    @Test func aSymptomAskedAboutAndAnsweredYesIsReported() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "I've had a sore throat for three days."),
            TranscriptTurn(speaker: .doctor, text: "Any cough?"), TranscriptTurn(speaker: .patient, text: "Yeah, at night."),
            TranscriptTurn(speaker: .doctor, text: "Any fever or chills?"), TranscriptTurn(speaker: .patient, text: "Yes."),
        ]
        let reported = try #require(builtInDraft(visit, template: .enSOAP).section("subjective")?.statements.first?.text)
        #expect(reported == "The patient reports sore throat and cough.", "two symptoms answered by one yes are not split: \(reported)")
    }

    @Test func aDoseEndsWhereAnotherClauseStarts() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "My lower back hurts."),
            TranscriptTurn(
                speaker: .doctor, text: "I'll prescribe naproxen 500 mg twice a day and refer you to physical therapy. Follow up in four weeks."),
        ]
        let plan = try #require(builtInDraft(visit, template: .enSOAP).section("plan")).statements.map(\.text)
        #expect(plan == ["Naproxen 500 mg twice a day.", "Refer to physical therapy.", "Follow up in four weeks."], "\(plan)")
    }
}
