import Testing
@testable import ModelRuntime

struct RecordTextTests {
    @Test(arguments: [
        ("发烧三天", "3天"), ("一个星期了", "1周"), ("十多天", "10天余"), ("半个月", "半个月"), ("一个多月", "1个月余"), ("两周", "2周"),
        ("3个小时", "3小时"), ("10余天", "10天余"),
    ])
    func durationsAreWrittenTheRecordsWay(_ said: String, _ written: String) {
        let characters = Array(said)
        #expect(ChineseQuantities.durations(in: characters, range: 0..<characters.count).first?.text == written)
    }

    @Test(arguments: ["一天吐三次", "每天咳嗽", "宝宝7个月的，咳嗽", "孩子80天了，咳嗽", "周一发烧", "星期三发烧", "吃了三天药"])
    func frequenciesAgesAndWeekdaysAreNotDurations(_ said: String) {
        let reading = ChineseReading([TranscriptTurn(speaker: .patient, text: said)])
        #expect(reading.illnessDurations(in: reading.turns[0]).isEmpty)
    }

    @Test func aSymptomRightAfterTheNumberMakesItHowLongNotHowOld() throws {
        let transcript = [TranscriptTurn(speaker: .patient, text: "孩子十天不拉粑粑，用了开塞露。"), TranscriptTurn(speaker: .patient, text: "宝宝5个月。")]
        let draft = builtInDraft(transcript)
        #expect(draft.section("chiefComplaint")?.text == "便秘10天。")
        #expect(draft.section("presentIllness")?.text.hasPrefix("5个月患儿10天前出现便秘") == true)
    }

    @Test(arguments: [
        ("11个月，一天内拉果冻状粘性大便2次，接近水样便一次。", "腹泻1天。"),
        ("孩子大便很硬，三天了。", "便秘3天。"),
        ("我女儿今天6周岁，大便两三天一次，很硬，有两三个月了。", "便秘3个月。"),
        ("宝宝拉的次数多，三天了。", "大便异常3天。"),
    ])
    func theChiefComplaintNamesTheBowelSymptom(_ said: String, _ written: String) throws {
        // 大便异常 (a vague finding) gives way to the named symptom it describes, and stands when it is all there is.
        #expect(builtInDraft([TranscriptTurn(speaker: .patient, text: said)]).section("chiefComplaint")?.text == written)
    }

    @Test func aSymptomInAMedicinesNameIsNotASymptom() throws {
        // 止咳糖浆, 去黄疸的药 and 退烧药 say what was given; the child only vomits.
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝一个月，老是吐奶，吃了止咳糖浆，还有一个去黄疸的药。"),
            TranscriptTurn(speaker: .doctor, text: "有没有吃退烧药？"),
            TranscriptTurn(speaker: .patient, text: "有"),
        ]
        let illness = try #require(builtInDraft(transcript).section("presentIllness")?.text)
        #expect(illness.hasPrefix("1个月患儿出现呕吐，"))
        #expect(!illness.contains("咳嗽") && !illness.contains("黄疸") && !illness.contains("发热"))
    }

    @Test func aTestWithItsValueIsAResultWithEveryDecimal() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝出生第六天，脸部全黄。"),
            TranscriptTurn(speaker: .doctor, text: "目前总胆红素多少？"),
            TranscriptTurn(speaker: .patient, text: "直接胆红素22.6，间接胆红素230.50"),
            TranscriptTurn(speaker: .doctor, text: "可以查个血常规看白细胞高不高。"),
        ]
        let draft = builtInDraft(transcript)
        let exams = try #require(draft.section("auxiliaryExams"))
        // 高不高 asks; the values said are results, written whole.
        #expect(exams.text == "直接胆红素22.6，间接胆红素230.50。")
        #expect(exams.statements.map { $0.evidence.first?.quote(in: transcript) } == ["直接胆红素22.6", "间接胆红素230.50"])
        #expect(draft.section("plan")?.text == "完善血常规。")
    }

    @Test(arguments: [
        ("女，23岁。宝宝十个月，前天开始腹泻。", "10个月患儿2天前出现腹泻。"),
        ("我今年35岁，咳嗽三天了。", "35岁患者3天前出现咳嗽。"),
        ("3岁，咳嗽三天了。", "3岁患儿3天前出现咳嗽。"),
    ])
    func theAgeIsThePatientsNotTheWritersAndSaysWhetherAChild(_ said: String, _ written: String) {
        #expect(builtInDraft([TranscriptTurn(speaker: .patient, text: said)]).section("presentIllness")?.text == written)
    }

    @Test(arguments: [
        ("宝宝呕吐两次，晚饭吃了红烧鸭肉。", "患儿出现呕吐。"),
        ("宝宝呕吐两次，37.2算发烧吗", "患儿出现呕吐。"),
        ("宝宝呕吐两次，测下体温38.9，这算是发烧吗", "患儿出现呕吐、发热，体温最高38.9℃。"),
        ("宝宝7个月流鼻涕鼻塞，咳嗽一周了。", "7个月患儿1周前出现流涕、鼻塞、咳嗽。"),
    ])
    func aFeverIsATemperatureOf37_3OrMoreNotADishOrAQuestion(_ said: String, _ written: String) {
        #expect(builtInDraft([TranscriptTurn(speaker: .patient, text: said)]).section("presentIllness")?.text == written)
    }

    @Test(arguments: [
        ("四个月宝宝咳嗽一周了，喉咙有痰。", "咳嗽1周。", "4个月患儿1周前出现咳嗽、咳痰。"),
        ("5个月宝宝，嗓子里有痰，快10天了，化痰的药吃了2天。", "咳痰10天。", "5个月患儿10天前出现咳痰。"),
        ("宝宝发烧两天，吃了布洛芬颗粒，晚上又吃了布洛芬。", "发热2天。", "患儿2天前出现发热，服用布洛芬颗粒。"),
        ("两个月零28天的宝宝，突然一天开始拉绿屎，已经持续两个星期多。", "大便异常2周余。", "2个月患儿2周余前出现大便异常。"),
        ("宝宝两岁半，又发烧了，距离上次发烧一个月不到，昨天半夜烧到38.7。", "发热1天。", "2岁半患儿1天前出现发热，体温最高38.7℃。"),
        ("宝宝5个月，12号发烧，挂2天水好了。", "发热。", "5个月患儿出现发热。"),
        ("宝宝流鼻涕，鼻塞，今天还咳嗽。", "流涕。", "患儿出现流涕、鼻塞、咳嗽。"),
        ("宝宝发烧两天，打了吊瓶，又挂水。", "发热2天。", "患儿2天前出现发热，予输液。"),
    ])
    func howOldHowLongAndWhatWasTakenOnce(_ said: String, _ complaint: String, _ illness: String) {
        let draft = builtInDraft([TranscriptTurn(speaker: .patient, text: said)])
        #expect(draft.section("chiefComplaint")?.text == complaint)
        #expect(draft.section("presentIllness")?.text == illness)
    }

    @Test(arguments: [
        (["宝宝咳嗽两天。", "如果有湿疹，需注意过敏。建议化验微量元素看看缺钙铁锌不。"], "小儿咳嗽待查。"),
        (["宝宝咳嗽两天。", "细菌性感染需要用抗生素治疗，病毒性的不需要。"], "小儿咳嗽待查。"),
        (["宝宝咳嗽两天。", "这个白细胞明显高出正常，属于细菌性感染。"], "细菌性感染。"),
        (["宝宝一岁七个月，检查是支气管肺炎，现在在挂水。", "确诊了吗？"], "小儿支气管肺炎。"),
        (["宝宝流鼻涕，鼻塞，一个医生说支气管发炎，需要打吊瓶。", "吃药之前，先了解一下情况。"], "小儿支气管炎。"),
        (["宝宝发烧两天。之前检查出急性胃肠炎，可初六就好了。", "先检查一下，明确诊断。"], "小儿发热待查。"),
    ])
    func theDiagnosisIsOneNamedNotSupposedAndAnEarlierDoctorsWhenNoneIs(_ said: [String], _ diagnosis: String) {
        let transcript = [TranscriptTurn(speaker: .patient, text: said[0]), TranscriptTurn(speaker: .doctor, text: said[1])]
        let draft = builtInDraft(transcript)
        #expect(draft.section("diagnosis")?.text == diagnosis)
        #expect(draft.invalidEvidence(in: transcript).isEmpty)
    }

    @Test func aTreatmentAskedAboutWasNotGiven() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "宝宝发烧两天，吃了美林还是烧怎么办？"),
            TranscriptTurn(speaker: .patient, text: "现在需要去医院打针吗？可以用退烧药吗"),
            TranscriptTurn(speaker: .patient, text: "妈咪爱可以吗？江中牌的益生菌行吗？检查说缺钙。"),
            TranscriptTurn(speaker: .patient, text: "我准备一会吃培菲康"),
            TranscriptTurn(speaker: .patient, text: "还是直接吃思密达"),
            TranscriptTurn(speaker: .patient, text: "那我们去做做雾化看看"),
        ]
        let illness = try #require(builtInDraft(transcript).section("presentIllness")?.text)
        #expect(illness == "患儿2天前出现发热，服用美林。")
    }

    @Test(arguments: [
        (["宝宝两个多月，五天前拉肚子，吃了健脾散不拉肚子了，可是已经五天没有大便了。"], "便秘5天。"),
        (["孩子老听见喉咙里有痰，偶尔咳嗽。", "吃药后不咳了，今天晚上咳嗽开了。"], "咳嗽1天。"),
        (["宝宝咳嗽一个多月了。", "吃了易坦静，没有之前咳得厉害了。"], "咳嗽1个月余。"),
    ])
    func theMainComplaintIsWhatTroublesThePatientNow(_ said: [String], _ complaint: String) {
        let draft = builtInDraft(said.map { TranscriptTurn(speaker: .patient, text: $0) })
        #expect(draft.section("chiefComplaint")?.text == complaint)
        #expect(draft.section("presentIllness")?.text.contains("无咳嗽") == false)
    }

    @Test(arguments: [
        ("如果出现咳嗽，有痰，或者听诊异常，一般就发展到下呼吸道了。", "暂无。"),
        ("只要没有症状，肝功正常，一般定期复查看看。", "暂无。"),
        ("孩子的黄疸值一直不太高，但是如果明天测黄疸还在十以上，就要注意。", "黄疸值一直不太高。"),
    ])
    func aResultSupposedIsNotAResult(_ said: String, _ exams: String) {
        let transcript = [TranscriptTurn(speaker: .patient, text: "宝宝咳嗽三天。"), TranscriptTurn(speaker: .doctor, text: said)]
        #expect(builtInDraft(transcript).section("auxiliaryExams")?.text == exams)
    }

    @Test(arguments: [
        (["孩子一平躺就咳嗽。", "咳嗽多久了", "怎么办呢", "10天左右"], "咳嗽10天。"),
        (["孩子脸上发黄，是黄疸吗？", "生后多少天了？", "22天"], "黄疸。"),
        (["两个多月宝宝，有点鼻塞。", "吐泡泡大概多久了？", "也就一个礼拜多"], "鼻塞。"),
        (["宝宝大便有奶瓣。", "拉肚子几天了？", "一个星期"], "大便异常1周。"),
    ])
    func anAnsweredDurationDatesTheComplaintItWasAskedAbout(_ turns: [String], _ complaint: String) {
        let speakers: [Speaker] = [.patient, .doctor, .patient, .patient]
        let transcript = turns.enumerated().map { TranscriptTurn(speaker: speakers[$0.offset], text: $0.element) }
        #expect(builtInDraft(transcript).section("chiefComplaint")?.text == complaint)
    }

    @Test func aHighFeverIsAFeverInTheChiefComplaintAndHighInThePresentIllness() throws {
        let transcript = [TranscriptTurn(speaker: .patient, text: "孩子高烧三天了，最高39度5。")]
        let draft = builtInDraft(transcript)
        #expect(draft.section("chiefComplaint")?.text == "发热3天。")
        #expect(draft.section("presentIllness")?.text.hasPrefix("患儿3天前出现高热，体温最高39.5℃") == true)
    }

    @Test func aFeverThatBecameHighIsOneComplaintFromWhenItBegan() throws {
        let transcript = [
            TranscriptTurn(speaker: .patient, text: "孩子从昨天开始发烧，吃了布洛芬。"),
            TranscriptTurn(speaker: .patient, text: "头疼，恶心，昨天半夜吐了，早上没吐，但是高烧。"),
        ]
        let draft = builtInDraft(transcript)
        #expect(draft.section("chiefComplaint")?.text == "发热1天。")
        #expect(draft.section("presentIllness")?.text.hasPrefix("患儿1天前出现高热、头痛、恶心、呕吐") == true)
        #expect(draft.section("diagnosis")?.text == "小儿发热待查。")
    }

    @Test(arguments: [("烧到39度", "39℃"), ("38度5", "38.5℃"), ("体温38.2", "38.2℃"), ("39℃", "39℃"), ("早上三十九度多", "39℃"), ("三十八度五", "38.5℃")])
    func temperaturesAreNormalised(_ said: String, _ written: String) {
        let characters = Array(said)
        #expect(ChineseQuantities.temperatures(in: characters, range: 0..<characters.count).first?.text == written)
    }

    @Test func numbersThatAreNotTemperaturesAreLeftAlone() {
        let characters = Array("吃了39块钱的药，拉了38次")
        #expect(ChineseQuantities.temperatures(in: characters, range: 0..<characters.count).isEmpty)
    }

    @Test func rougeLMatchesAHandComputedExample() {
        let score = RougeL.score(candidate: RougeL.tokens("发热3天。", language: "zh"), reference: RougeL.tokens("发热一周", language: "zh"))
        // Tokens 发 热 3 天 against 发 热 一 周: LCS 2, precision 2/4, recall 2/4.
        #expect(abs(score.f1 - 0.5) < 1e-9)
        #expect(RougeL.tokens("Chest pain, 3 days.", language: "en") == ["chest", "pain", "3", "days"])
    }

    @Test func summaryLevelRougeLUnitesTheMatchesOfEachReferenceSentence() {
        let words = { (text: String) in text.split(separator: " ").map(String.init) }
        // Reference "a b c d" against candidates "a b" and "d c": union of {a, b} and {c} (or {d}) is 3 of 4;
        // the order of the candidate's sentences does not matter.
        let score = RougeL.summaryScore(candidate: [words("a b"), words("d c")], reference: [words("a b c d")])
        #expect(abs(score.recall - 0.75) < 1e-9 && abs(score.precision - 0.75) < 1e-9)
        let swapped = RougeL.summaryScore(candidate: [words("d c"), words("a b")], reference: [words("a b c d")])
        #expect(swapped.f1 == score.f1)
        #expect(RougeL.summaryScore(candidate: [], reference: [words("a")]).f1 == 0)
    }
}
