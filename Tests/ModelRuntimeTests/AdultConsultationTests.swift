import Testing
@testable import ModelRuntime

/// Short adult visits keep what was said plainly: a long-standing disease and its medicine in the history, a vital
/// sign said across a comma, a test ordered by its verb, a symptom composed from a site and what is felt there.
struct AdultConsultationTests {
    @Test func aLongStandingDiseaseAndItsMedicineAreTheHistory() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "头疼三天了。"), TranscriptTurn(speaker: .doctor, text: "以前有什么病？"),
            TranscriptTurn(speaker: .patient, text: "有高血压，一直吃氨氯地平。糖尿病也五年了，打胰岛素。"),
        ])
        let history = try #require(draft.section("pastHistory")?.text)
        for fact in ["高血压", "长期使用氨氯地平", "糖尿病", "长期使用胰岛素"] { #expect(history.contains(fact), "\(fact) in \(history)") }
    }

    @Test func aDeniedChronicDiseaseIsNotTheHistory() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "咳嗽两天，没有高血压。")])
        #expect(draft.section("pastHistory")?.text.contains("高血压") == false)
    }

    @Test func aVitalSignSaidAcrossACommaAndATestOrderedByItsVerb() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "头疼。"),
            TranscriptTurn(speaker: .doctor, text: "血压测一下，130/85。先去拍个胸片，查个血常规。"),
        ])
        #expect(draft.section("physicalExam")?.text.contains("BP 130/85mmHg") == true)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("胸片") && plan.contains("血常规"), "\(plan)")
    }

    @Test(arguments: [
        ("这几天小便的时候很痛，老想上厕所。", "尿痛"), ("眼睛又红又痒，两天了。", "眼红痒"), ("腰疼一个星期了。", "腰痛"),
        ("脚趾头发麻一个月。", "足趾麻木"),
    ])
    func aSiteWithWhatIsFeltThereIsASymptom(_ said: String, _ symptoms: String) throws {
        let illness = try #require(builtInDraft([TranscriptTurn(speaker: .patient, text: said)]).section("presentIllness")?.text)
        #expect(illness.contains(symptoms), "\(illness)")
    }

    @Test func aDenialBetweenTheSiteAndWhatIsFeltDeniesIt() throws {
        let illness = try #require(builtInDraft([TranscriptTurn(speaker: .patient, text: "腰疼一周，腿不麻。")]).section("presentIllness")?.text)
        #expect(illness.contains("无下肢麻木") && !illness.contains("、下肢麻木"), "\(illness)")
    }

    @Test func habitsAndTheFamilyAskedAboutAreHistories() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "咳嗽两周。"), TranscriptTurn(speaker: .doctor, text: "抽烟吗？"),
            TranscriptTurn(speaker: .patient, text: "抽，一天一包。"), TranscriptTurn(speaker: .doctor, text: "喝酒吗？"),
            TranscriptTurn(speaker: .patient, text: "不喝。"), TranscriptTurn(speaker: .doctor, text: "家里有人得过什么病吗？"),
            TranscriptTurn(speaker: .patient, text: "我妈妈有糖尿病。"),
        ])
        #expect(draft.section("personalHistory")?.text == "吸烟（抽，一天一包），否认饮酒。")
        #expect(draft.section("familyHistory")?.text.contains("母亲有糖尿病") == true)
        #expect(draft.section("pastHistory")?.text.contains("糖尿病") == false)
    }

    @Test func aResultSaidAfterItsTestKeepsTheTestsName() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "月经推迟了二十天。"), TranscriptTurn(speaker: .doctor, text: "先查个尿妊娠试验。结果阴性。"),
        ])
        #expect(draft.section("auxiliaryExams")?.text == "尿妊娠试验：结果阴性。")
    }

    @Test func findingsOfTheSharedKnowledgeAreRead() throws {
        // 手抖, 怕热 are the drafter's words; 瘦了 (消瘦) is said in concepts.jsonl, which the drafter reads too.
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "老是心慌，手也抖，人瘦了好几斤，特别怕热。")])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(["心悸", "手抖", "消瘦", "怕热"].allSatisfy(illness.contains), "\(illness)")
    }

    @Test func heartburnIsNotAFeverAndBelowTheBellyIsTheBelly() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "胃疼一个月了，还反酸烧心，肚子下面也隐隐作痛。")])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("反酸") && illness.contains("烧心") && !illness.contains("发热") && !illness.contains("外阴"), "\(illness)")
    }

    @Test func twoQuestionsAnsweredInTwoClausesAreNotOneBareNo() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "左边膝盖疼半年了。"), TranscriptTurn(speaker: .doctor, text: "有没有外伤？关节肿不肿？"),
            TranscriptTurn(speaker: .patient, text: "没摔过，有时候有点肿。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(!illness.contains("无关节肿"), "\(illness)")
    }

    @Test func aTestRightAfterItsVerbIsOrderedAndABurningChestIsNoFever() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "这一个月胸口烧得慌，嗓子里老有酸水。"),
            TranscriptTurn(speaker: .doctor, text: "拍胸片，查血常规。加用甘精胰岛素，每晚10单位。"),
        ])
        #expect(draft.section("presentIllness")?.text.contains("发热") == false)
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("胸片") && plan.contains("血常规") && plan.contains("注射") && !plan.contains("口服"), "\(plan)")
    }

    @Test func aLongStandingDiseaseTheDoctorAsksAboutAndThePatientConfirmsIsTheHistory() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "最近脚有点麻。"), TranscriptTurn(speaker: .doctor, text: "糖尿病几年了？"),
            TranscriptTurn(speaker: .patient, text: "八年了。"), TranscriptTurn(speaker: .doctor, text: "有高血压吗？"),
            TranscriptTurn(speaker: .patient, text: "没有。"),
        ])
        let history = try #require(draft.section("pastHistory")?.text)
        #expect(history.contains("糖尿病") && history.contains("否认高血压"), "\(history)")
    }

    @Test func aDiseaseDeniedLaterInTheAnswerIsDeniedWhateverTheFirstClauseAnswered() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "右脚大拇指旁边的指甲红肿，一碰就疼。"),
            TranscriptTurn(speaker: .doctor, text: "几天了？有糖尿病吗？"),
            TranscriptTurn(speaker: .patient, text: "五天了，没有糖尿病。"),
        ])
        let history = try #require(draft.section("pastHistory")?.text)
        #expect(history == "否认糖尿病。", "\(history)")
    }

    @Test func hoursBorneInOneNightDoNotDateTheIllness() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "我睡不着觉，躺下两个小时都睡不着。"), TranscriptTurn(speaker: .doctor, text: "这样多久了？"),
            TranscriptTurn(speaker: .patient, text: "三个月了。"),
        ])
        let complaint = try #require(draft.section("chiefComplaint")?.text)
        #expect(complaint.contains("3个月") && !complaint.contains("小时"), "\(complaint)")
    }

    @Test func aBurningOnPassingUrineIsNotAFeverAndAHistoryLosesItsSpeaker() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "尿的时候烧得疼，尿完还想尿。"), TranscriptTurn(speaker: .doctor, text: "对什么药过敏吗？"),
            TranscriptTurn(speaker: .patient, text: "我对青霉素过敏。"),
        ])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("尿痛") && !illness.contains("发热"), "\(illness)")
        #expect(draft.section("allergies")?.text == "青霉素过敏。")
    }

    @Test func aHabitIsReadFromTheClauseThatAnswersIt() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "我来复查血压。"), TranscriptTurn(speaker: .doctor, text: "有没有头晕头痛？抽烟吗？"),
            TranscriptTurn(speaker: .patient, text: "都没有。抽了二十多年了，一天一包。"),
        ])
        let personal = try #require(draft.section("personalHistory")?.text)
        #expect(personal.hasPrefix("吸烟（抽了二十多年了") && !personal.contains("否认"), "\(personal)")
    }

    @Test func aMedicineToldToStopIsStoppedAndADayOfTheCycleDoesNotDateTheIllness() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "每次来月经第一天肚子疼得厉害，脖子上起了红疙瘩。他爸爸有过敏性鼻炎。"),
            TranscriptTurn(speaker: .doctor, text: "布洛芬先停了，给你开奥美拉唑，一次一粒，一天两次。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("停用布洛芬") && !plan.contains("口服布洛芬"), "\(plan)")
        let complaint = try #require(draft.section("chiefComplaint")?.text)
        #expect(!complaint.contains("1天"), "\(complaint)")
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(!illness.contains("颈红"), "\(illness)")
        #expect(draft.section("pastHistory")?.text == "不详。")
    }

    @Test func theDoctorsAssessmentIsNotAnExaminationFinding() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "腰上长了一片水泡，很疼。"),
            TranscriptTurn(speaker: .doctor, text: "左侧腰背部可见簇集性水疱。考虑带状疱疹。"),
        ])
        let exam = try #require(draft.section("physicalExam")?.text)
        #expect(!exam.contains("考虑"), "\(exam)")
    }

    @Test func aQualityWithoutASiteSpeaksOfTheSiteOfTheClauseBefore() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "右手腕摔了一跤撑地，现在肿得厉害。头疼，肚子也疼。")])
        let illness = try #require(draft.section("presentIllness")?.text)
        #expect(illness.contains("手腕肿") && illness.contains("头痛") && illness.contains("腹痛"), "\(illness)")
    }

    @Test func aMedicineIsGivenTheWayItsFormIs() throws {
        let draft = builtInDraft([
            TranscriptTurn(speaker: .patient, text: "眼睛红两天了。"),
            TranscriptTurn(speaker: .doctor, text: "左氧氟沙星滴眼液，一次一滴，一天四次；糠酸莫米松鼻喷雾剂，一天一次。戒烟，少爬楼梯。"),
        ])
        let plan = try #require(draft.section("plan")?.text)
        #expect(plan.contains("滴眼左氧氟沙星滴眼液") && plan.contains("喷鼻糠酸莫米松鼻喷雾剂") && !plan.contains("口服"), "\(plan)")
        #expect(plan.contains("戒烟") && plan.contains("避免负重"), "\(plan)")
    }

    @Test func aDiagnosisFromTheSharedTermsIsWrittenByItsRecordName() throws {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: "头疼。"), TranscriptTurn(speaker: .doctor, text: "考虑紧张性头痛。")])
        #expect(draft.section("diagnosis")?.text == "紧张型头痛？")
    }
}

/// An English note reads as a clinician writes it: the patient in the third person, the diagnosis named by its record
/// name, medicines with their dose, tests ordered and the follow-up as plan items.
struct EnglishNoteTests {
    static let visit = [
        TranscriptTurn(speaker: .patient, text: "I feel dizzy and I've had a headache for two days. I take lisinopril 10 mg every morning."),
        TranscriptTurn(speaker: .doctor, text: "Any vomiting?"), TranscriptTurn(speaker: .patient, text: "No."),
        TranscriptTurn(speaker: .doctor, text: "Your blood pressure is 162/98. The neurological exam is normal."),
        TranscriptTurn(
            speaker: .doctor,
            text: "This is uncontrolled high blood pressure. Take amlodipine 5 mg once daily, and I'd like to order a basic metabolic panel. "
                + "Follow up in two weeks."),
    ]

    @Test func theSubjectiveIsInTheThirdPersonWithDenialsAndMedicines() throws {
        let subjective = try #require(builtInDraft(Self.visit, template: .enSOAP).section("subjective")).statements.map(\.text)
        #expect(subjective.contains("The patient feels dizzy and the patient has had a headache for two days."), "\(subjective)")
        #expect(subjective.contains("Denies vomiting."))
        #expect(subjective.contains("Current medications: lisinopril 10 mg every morning."))
    }

    @Test func aMedicineTakenIsListedInTheRecordsPersonWithoutWhatFollowsBut() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "I take hydrochlorothiazide for my blood pressure. I take ibuprofen but it barely helps."),
            TranscriptTurn(speaker: .doctor, text: "This is gout. Come back in two weeks."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        let subjective = try #require(draft.section("subjective")).statements.map(\.text)
        #expect(subjective.contains("Current medications: hydrochlorothiazide for the patient's blood pressure and ibuprofen."), "\(subjective)")
        let plan = try #require(draft.section("plan")).statements.map(\.text)
        #expect(plan == ["Follow up in two weeks."], "\(plan)")
    }

    @Test func aSymptomSaidOfItIsSaidOfTheSiteTheSentenceBeforeNamed() throws {
        let visit = [TranscriptTurn(speaker: .patient, text: "I twisted my ankle yesterday. It's swollen and it hurts to walk. My head hurts.")]
        let subjective = try #require(builtInDraft(visit, template: .enSOAP).section("subjective")).statements.map(\.text)
        #expect(subjective.first == "The patient reports ankle swelling, ankle pain and headache.", "\(subjective)")
    }

    @Test func aSymptomsWordInsideADiseasesNameIsTheDiseaseAndAMeasureIsOrdered() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "He has itchy patches on his elbows. He has hay fever."),
            TranscriptTurn(speaker: .doctor, text: "This is eczema. We'll recheck TSH in six weeks."),
        ]
        let draft = builtInDraft(visit, template: .enSOAP)
        let complaint = try #require(draft.section("chiefComplaint")?.text)
        #expect(!complaint.lowercased().contains("fever"), "\(complaint)")
        let plan = try #require(draft.section("plan")).statements.map(\.text)
        #expect(plan.contains("Order TSH."), "\(plan)")
    }

    @Test func aChangeToAMedicineIsKeptInItsLine() throws {
        let visit = [
            TranscriptTurn(speaker: .patient, text: "I take levothyroxine 50 micrograms and ibuprofen for my back."),
            TranscriptTurn(speaker: .doctor, text: "Increase levothyroxine to 75 micrograms daily. Stop the ibuprofen."),
        ]
        let plan = try #require(builtInDraft(visit, template: .enSOAP).section("plan")).statements.map(\.text)
        #expect(plan.contains("Increase levothyroxine to 75 micrograms daily."), "\(plan)")
        #expect(plan.contains("Stop ibuprofen."), "\(plan)")
    }

    @Test func theDoctorsSummaryOfThePatientIsTheSubjectivesToo() throws {
        let visit = [
            TranscriptTurn(speaker: .doctor, text: "So you are a 50-year-old woman here about your knee."),
            TranscriptTurn(speaker: .patient, text: "Yes, it hurts going down stairs."),
        ]
        let subjective = try #require(builtInDraft(visit, template: .enSOAP).section("subjective")).statements.map(\.text)
        #expect(subjective.contains("The patient is a 50-year-old woman here about the knee."), "\(subjective)")
    }

    @Test func theAssessmentAndPlanAreItemsWithTheirEvidence() throws {
        let draft = builtInDraft(Self.visit, template: .enSOAP)
        #expect(draft.section("assessment")?.text == "Uncontrolled high blood pressure.")
        #expect(draft.section("objective")?.text.contains("The blood pressure is 162/98.") == true)
        let plan = try #require(draft.section("plan")).statements.map(\.text)
        #expect(plan.contains("Amlodipine 5 mg once daily."), "\(plan)")
        #expect(plan.contains("Order basic metabolic panel."))
        #expect(plan.last == "Follow up in two weeks.")
        #expect(draft.statementsWithoutEvidence.isEmpty && draft.invalidEvidence(in: Self.visit).isEmpty)
    }
}

/// What a draft leaves out is listed beside it, with the evidence, whichever section would have held it.
struct OmissionCheckTests {
    static let visit = [
        TranscriptTurn(speaker: .patient, text: "咳嗽三天，不发烧。有高血压。对青霉素过敏。"),
        TranscriptTurn(speaker: .doctor, text: "血压140/90。查个血常规。考虑急性支气管炎，口服氨溴索，一次一片，一天三次。"),
    ]

    @Test func theBuiltInDraftLeavesNothingOutAndAnEmptiedOneEverything() throws {
        let draft = builtInDraft(Self.visit)
        let kept = OmissionCheck.omissions(in: draft.sections, of: Self.visit, template: .zhOutpatient)
        #expect(kept.isEmpty, "\(kept.map(\.text))")
        let emptied = draft.sections.map { DraftSection(key: $0.key, title: $0.title, text: "", statements: []) }
        let missed = OmissionCheck.omissions(in: emptied, of: Self.visit, template: .zhOutpatient)
        for fact in ["咳嗽", "无发热", "高血压", "BP 140/90mmHg", "血常规", "急性支气管炎"] {
            #expect(missed.contains { $0.text == fact }, "\(fact) in \(missed.map(\.text))")
        }
        #expect(Set(missed.map(\.kind)) == [.finding, .history, .allergy, .exam, .order, .medicine, .diagnosis])
        #expect(missed.allSatisfy { !$0.evidence.isEmpty && $0.evidence.allSatisfy { $0.quote(in: Self.visit) != nil } })
    }

    @Test func anEnglishDraftMissingADoseListsTheMedicine() throws {
        let visit = EnglishNoteTests.visit
        var sections = builtInDraft(visit, template: .enSOAP).sections
        let plan = try #require(sections.firstIndex { $0.key == "plan" })
        sections[plan].text = "Follow up in two weeks."
        let missed = OmissionCheck.omissions(in: sections, of: visit, template: .enSOAP)
        #expect(missed.contains { $0.kind == .medicine && $0.text == "amlodipine 5 mg once daily" }, "\(missed.map(\.text))")
        #expect(missed.contains { $0.kind == .order })
    }
}
