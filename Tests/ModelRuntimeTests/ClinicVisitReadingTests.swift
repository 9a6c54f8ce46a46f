import Foundation
import Testing
@testable import ModelRuntime

/// What an adult clinic visit says in passing (batch dr-dev19): diagnoses named together, an answer that all is well,
/// both habits asked at once, a medicine's form and dose as said, an allergen that was never taken.
struct ClinicVisitReadingTests {
    @Test func diagnosesListedOrJoinedAreAllWrittenInTheOrderSaid() throws {
        let listed = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "没精神，怕冷。"), TranscriptTurn(speaker: .doctor, text: "诊断桥本甲状腺炎，甲状腺功能减退症。"),
        ])
        #expect(listed.section("diagnosis")?.text.contains("桥本甲状腺炎") == true)
        #expect(listed.section("diagnosis")?.text.contains("甲状腺功能减退症") == true)
        #expect(listed.section("physicalExam")?.text.contains("甲状腺功能减退症") != true)
        let joined = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "睡不着两个月。"), TranscriptTurn(speaker: .doctor, text: "考虑失眠障碍伴焦虑状态。"),
        ])
        let diagnosis = try #require(joined.section("diagnosis")?.text)
        let insomnia = try #require(diagnosis.range(of: "失眠障碍")), anxiety = try #require(diagnosis.range(of: "焦虑状态"))
        #expect(insomnia.lowerBound < anxiety.lowerBound, "\(diagnosis)")
    }

    @Test func twoDiseasesTalkedOfInOneBreathAreNotTwoDiagnoses() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "孩子咳嗽三天。"),
            TranscriptTurn(speaker: .doctor, text: "考虑支气管炎。这个季节属于支气管炎和肺炎高发期，注意观察。"),
        ])
        #expect(draft.section("diagnosis")?.text.contains("肺炎") == false)
    }

    @Test func anAnswerThatAllIsWellDeniesWhatWasAsked() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "烧心两个月。"), TranscriptTurn(speaker: .doctor, text: "有没有吞咽困难？大便黑不黑？"),
            TranscriptTurn(speaker: .patient, text: "咽东西没问题，大便颜色不正常。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("无吞咽困难"), "\(illness)")
        #expect(!illness.contains("无黑便"), "\(illness)")
    }

    @Test func bothHabitsAskedAtOnceAreAnsweredEachByItsOwnWords() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "烧心两个月。"), TranscriptTurn(speaker: .doctor, text: "平时抽烟喝酒吗？"),
            TranscriptTurn(speaker: .patient, text: "喝点酒，一周两三次，不抽烟。"),
        ])
        let personal = try #require(draft.section("personalHistory")?.text)
        #expect(personal.contains("饮酒（喝点酒，一周两三次）"), "\(personal)")
        #expect(!personal.contains("否认饮酒"), "\(personal)")
    }

    @Test func aMedicinesFormAndDoseAreReadAsSaid() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "腰疼一天。"),
            TranscriptTurn(speaker: .doctor, text: "给双氯芬酸钠栓止痛。左甲状腺素钠片，每天早上空腹吃50微克。用克霉唑阴道片，一次一片。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        for line in ["纳肛双氯芬酸钠栓", "左甲状腺素钠片 50微克，每日1次", "外用克霉唑"] { #expect(plan.contains(line), "\(line) in \(plan)") }
        #expect(!plan.contains("口服克霉唑"), "\(plan)")
    }

    @Test func aMedicineSaidWithAnAllergyWasNotTaken() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "鼻子堵了三周。"), TranscriptTurn(speaker: .doctor, text: "对什么药过敏吗？"),
            TranscriptTurn(speaker: .patient, text: "对头孢过敏。"),
        ])
        #expect(draft.section("allergies")?.text.contains("头孢") == true)
        #expect(draft.section("presentIllness")?.text.contains("头孢") == false)
    }

    @Test func aValueAfterASpaceAndAnUltrasoundSaidWithIsAreResults() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "腰疼一天。"), TranscriptTurn(speaker: .doctor, text: "甲功结果TSH 12.5。B超示左输尿管上段结石。"),
        ])
        let results = try #require(draft.section("auxiliaryExams")?.text)
        #expect(results.contains("12.5") && results.contains("输尿管上段结石"), "\(results)")
    }

    @Test func englishStopsAnInitialAndWhatFollowsJust() throws {
        let draft = builtInDraft(
            [
                TranscriptTurn(speaker: .patient, text: "I've had upper stomach pain for three weeks."),
                TranscriptTurn(speaker: .doctor, text: "Any blood in the stool or high fever?"),
                TranscriptTurn(speaker: .patient, text: "No blood, just a slight temperature."),
                TranscriptTurn(
                    speaker: .doctor,
                    text: "This is likely an ulcer from the ibuprofen. Stop the ibuprofen. We'll test you for H. pylori with a breath test."),
            ], template: .enSOAP)
        let subjective = try #require(draft.section("subjective")?.text)
        #expect(!subjective.contains("Denies fever"), "\(subjective)")
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("Stop ibuprofen") || plan.contains("stop ibuprofen"), "\(plan)")
        #expect(plan.contains("pylori with a breath test"), "\(plan)")
    }
}
