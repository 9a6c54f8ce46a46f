import Testing
@testable import Dialogue

extension Today {
    static let monday = Today(year: 2026, month: 11, day: 30)
    static let wednesday = Today(year: 2026, month: 12, day: 2)
}

struct UnderstandingTests {
    let understanding = BuiltInUnderstanding()

    static let durationsCases: [(String, Double)] = [
        ("咳嗽三天了", 3), ("发烧两周", 14), ("头疼半个月", 15), ("一个多月了", 45), ("拉肚子1天", 1), ("从昨天开始发烧", 1),
        ("3 days of cough", 3), ("for two weeks", 14), ("since yesterday", 1), ("a few days", 3), ("疼了几个小时", 3.0 / 24),
    ]

    @Test(arguments: durationsCases)
    func durations(text: String, days: Double) {
        let found = understanding.understand(text, today: .monday).facts.durationDays
        #expect(found.map { abs($0 - days) < 0.01 } == true, "\(text): \(String(describing: found))")
    }

    static let temperaturesCases: [(String, Double)] = [
        ("体温38.5℃", 38.5), ("烧到39度", 39), ("发烧３８．２", 38.2), ("fever of 102F", 38.9), ("temperature 38.7", 38.7),
        ("发烧三十八度五", 38.5), ("体温三十九度", 39),
    ]

    @Test(arguments: temperaturesCases)
    func temperatures(text: String, celsius: Double) {
        #expect(understanding.understand(text, today: .monday).facts.temperature == celsius)
    }

    static let agesCases: [(String, Double)] = [
        ("孩子三岁", 3), ("宝宝6个月大", 0.49), ("出生20天", 0.05), ("my 6 weeks old son", 0.12), ("a 3-year-old", 3),
        ("孩子才两个月，发烧", 0.16), ("两个月的宝宝发烧", 0.16), ("20天的婴儿", 0.05), ("宝宝刚满20天", 0.05), ("宝宝一个半月", 0.08), ("she's 70", 70), ("shes 70", 70),
        ("I'm 34", 34), ("宝宝五十天，发烧38度5", 0.14),
    ]

    @Test(arguments: agesCases)
    func ages(text: String, years: Double) {
        let age = understanding.understand(text, today: .monday).facts.ageYears
        #expect(age.map { abs($0 - years) < 0.02 } == true, "\(text): \(String(describing: age))")
    }

    /// A bare number of days after the child is how long something lasted, not an age.
    @Test func daysAfterTheChildAreNotAnAge() {
        #expect(understanding.understand("孩子三天了还在咳嗽", today: .monday).facts.ageYears == nil)
        #expect(understanding.understand("孩子三天没大便", today: .monday).facts.ageYears == nil)
    }

    @Test func whoIsIll() {
        #expect(understanding.understand("孩子发烧", today: .monday).facts.isChild)
        #expect(understanding.understand("my daughter has a cough", today: .monday).facts.isChild)
        #expect(understanding.understand("奶奶头晕", today: .monday).facts.isElderly)
        #expect(understanding.understand("怀孕了，肚子疼", today: .monday).facts.symptoms.contains("pregnancy"))
    }

    static let negationsCases: [(String, [String], [String])] = [
        ("没有发烧，咳嗽", ["cough"], ["fever"]),
        ("否认胸痛、气短", [], ["chest_pain", "mild_breathless"]),
        ("有点不舒服还发烧", ["discomfort", "fever"], []),
        ("不发烧但是咳嗽", ["cough"], ["fever"]),
        ("喘不上气", ["breathless"], []),
        ("全身无力", ["fatigue"], []),
        ("no fever, but a cough", ["cough"], ["fever"]),
        ("denies chest pain", [], ["chest_pain"]),
        ("I don't have a fever", [], ["fever"]),
        ("ＣＯＵＧＨ，没有发烧", ["cough"], ["fever"]),
    ]

    @Test(arguments: negationsCases)
    func negationScope(text: String, present: [String], absent: [String]) {
        let utterance = understanding.understand(text, today: .monday)
        #expect(Set(utterance.facts.symptoms) == Set(present), "\(text): \(utterance.facts.symptoms)")
        #expect(Set(utterance.facts.negated) == Set(absent), "\(text): \(utterance.facts.negated)")
    }

    // Today is Wednesday 2026-12-02.
    static let daysCases: [(String, Int?, String?)] = [
        ("12月16日上午", 14, "morning"), ("十二月十六号", 14, nil), ("1月3日", 32, nil), ("16号下午", 14, "afternoon"), ("第16号", nil, nil),
        ("December 16", 14, nil), ("on the 16th", 14, nil), ("16 Dec", 14, nil), ("2号", 0, nil), ("1号", 30, nil),
        ("今天", 0, nil), ("明天上午", 1, "morning"), ("后天下午", 2, "afternoon"), ("下周三", 7, nil), ("周五下午", 2, "afternoon"),
        ("tomorrow morning", 1, "morning"), ("next monday", 5, nil), ("friday evening", 2, "evening"),
    ]

    @Test(arguments: daysCases)
    func days(text: String, offset: Int?, period: String?) {
        let utterance = understanding.understand(text, today: .wednesday)
        #expect(utterance.daysFromToday == offset)
        #expect(utterance.period == period)
    }

    static let choicesCases: [(String, Int?, String?)] = [
        ("第二个", 1, nil), ("the second one", 1, nil), ("2", 1, nil), ("the 10:30 one", nil, "10:30"), ("10点半的", nil, "10:30"), ("下午3点", nil, "15:00"),
    ]

    @Test(arguments: choicesCases)
    func choices(text: String, index: Int?, time: String?) {
        let utterance = understanding.understand(text, today: .wednesday)
        #expect(utterance.choiceIndex == index)
        #expect(utterance.choiceTime == time)
    }

    static let intentsCases: [(String, Utterance.Intent)] = [
        ("好的", .affirm), ("ok", .affirm), ("不用了", .deny), ("换一个", .change), ("转人工", .handoff), ("talk to a person", .handoff),
        ("取消这个预约", .cancel), ("改到明天下午", .reschedule), ("还有别的医生吗", .otherDoctor), ("我到医院了", .arrived),
        ("还要等多久", .queueStatus), ("药房在哪里", .directions), ("where is the pharmacy", .directions), ("报告什么时候出", .reportTime),
        ("帮我挂个号", .book), ("yes please", .affirm), ("好的，谢谢", .affirm), ("ok thanks", .affirm), ("that's fine", .affirm),
        ("确认预约", .affirm), ("行，那就挂这个科吧", .book), ("好疼啊", .statement),
    ]

    @Test(arguments: intentsCases)
    func intents(text: String, intent: Utterance.Intent) {
        #expect(understanding.understand(text, today: .wednesday).intent == intent)
    }
}

extension UnderstandingTests {
    /// "The earliest" picks the first time offered (they are offered in order).
    @Test(arguments: ["最早的那个", "the earliest", "soonest please"])
    func earliestIsTheFirstChoice(text: String) {
        #expect(understanding.understand(text, today: .wednesday).choiceIndex == 0, "\(text)")
    }

    /// Courtesies at the ends of a short answer are set aside, a few at most; the middle of a message is untouched.
    @Test func courtesiesAtTheEndsAreSetAside() {
        let fillers = ConversationWords.shipped.fillers
        #expect(Intents.core(of: "yes please", fillers: fillers) == "yes")
        #expect(Intents.core(of: "那好吧", fillers: fillers) == "好")
        #expect(Intents.core(of: "please", fillers: fillers) == "please")
        #expect(Intents.core(of: "我头疼吧", fillers: fillers) == "我头疼")
    }

    @Test(arguments: ["帮我约12月16日的", "我2026年开始头疼", "11月以来一直咳嗽"])
    func datesAreNotDurations(text: String) {
        #expect(understanding.understand(text, today: .wednesday).facts.durationDays == nil)
    }
}
