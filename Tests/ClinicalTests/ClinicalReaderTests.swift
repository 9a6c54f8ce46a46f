import Foundation
import Testing
@testable import Clinical

/// The reader on the shipped knowledge: composition, scopes, and work that grows linearly with the text.
struct ClinicalReaderTests {
    let reader = ClinicalReader.shipped

    @Test(arguments: [
        ("这几天小便的时候很痛，老想上厕所", "urinary"), ("手腕又红又肿", "bone_joint"), ("眼睛又红又痒", "eye"),
        ("my mum's face suddenly drooped", "face_droop"), ("說話含糊不清", "slurred_speech"), ("头 疼", "headache"),
        ("ＣＯＵＧＨ", "cough"),
    ])
    func composesSitesAndQualities(text: String, concept: String) {
        #expect(reader.read(text).present.contains(concept), "\(text)")
    }

    @Test(arguments: [("没有胸痛", "chest_pain"), ("胸口不疼", "chest_pain"), ("I'm not short of breath", "mild_breathless"), ("否认胸痛、气短", "mild_breathless")])
    func negationReachesItsScope(text: String, concept: String) {
        let reading = reader.read(text)
        #expect(reading.negated.contains(concept) && !reading.present.contains(concept), "\(text)")
    }

    /// English plurals read as the singular the knowledge holds, and a phrase written in the plural reads the singular.
    @Test(arguments: [
        ("my eyelids are swollen", "eye_swelling"), ("itchy red patches on my arm", "skin"), ("my kidneys are failing", "kidney"),
        ("it burns when I pee", "urinary"), ("I have blisters", "blister"),
    ])
    func pluralsReadAsTheSingular(text: String, concept: String) {
        #expect(reader.read(text).present.contains(concept), "\(text)")
    }

    @Test func pluralFoldingLeavesOtherWordsAlone() {
        let normalizer = ClinicalKnowledge.shipped.normalizer
        #expect(
            String(normalizer.normalize("Eyelids, patches, boxes; this is less, lupus, has, his, analysis"))
                == "eyelid, patch, box; this is less, lupus, has, his, analysis")
    }

    /// Apostrophes are dropped inside and after English words on both sides: a typed "cant" reads as "can't".
    @Test func apostrophesAreTypingSlips() {
        let normalizer = ClinicalKnowledge.shipped.normalizer
        #expect(String(normalizer.normalize("I can't, she's, dad's")) == String(normalizer.normalize("I cant, shes, dads")))
        #expect(reader.read("my grandma cant lift her left arm").present.contains("limb_weakness"))
        #expect(reader.read("I'm not short of breath").negated.contains("mild_breathless"))
    }

    /// A word read whole hides the cue inside it: 特别 is not the negation 别, 不停 not 不.
    @Test(arguments: [("心跳特别快", "palpitations"), ("咳个不停", "cough"), ("血流不止", "major_trauma")])
    func wordsHideTheCuesInsideThem(text: String, concept: String) {
        #expect(reader.read(text).present.contains(concept), "\(text)")
    }

    /// A number after a measure's concept says the concept of its range; a duration or a count is not the measure.
    @Test(arguments: [
        ("心跳特别快，一分钟一百八十多下", "heart_rate_extreme"), ("心率180", "heart_rate_extreme"), ("my pulse is 35", "heart_rate_extreme"),
        ("心跳总是五十来下", "slow_heart_rate"), ("糖尿病，血糖测出来三十多", "very_high_glucose"), ("血糖2.8", "low_glucose"), ("发烧39.5度", "high_fever"),
        ("烧到三十八度五", "fever"), ("孩子发烧38度5", "fever"),
    ])
    func numbersAfterAMeasureAreRead(text: String, concept: String) {
        #expect(reader.read(text).present.contains(concept), "\(text)")
    }

    @Test(arguments: ["心跳一下一下的", "心慌三天了", "心跳快2个小时了", "heart racing for 200 minutes", "发烧3天", "血糖药一天吃2片", "血糖一直在7左右"])
    func durationsAndCountsAreNotMeasures(text: String) {
        let present = reader.read(text).present
        let measured = ["heart_rate_extreme", "slow_heart_rate", "high_fever", "very_high_glucose", "low_glucose"]
        #expect(!present.contains(where: measured.contains), "\(text)")
    }

    /// 心慌 and 心跳 both lead to the heart rate: the one number after them is one reading, not two.
    @Test func aNumberIsReadOnceForItsMeasure() {
        let extremes = reader.read("心慌，心跳180").mentions.filter { $0.concept == "heart_rate_extreme" }
        #expect(extremes.count == 1)
    }

    @Test func aMeasureTakesItsMentionsStatus() {
        #expect(reader.read("没有发烧到39度").negated.contains("high_fever"))
    }

    @Test func onsetOnWakingIsRead() {
        #expect(reader.read("奶奶早上起来右边手脚没劲").onWaking)
        #expect(!reader.read("右边手脚没劲").onWaking)
    }

    /// Years said in a disease's clause make it the background: still present, listed as standing; a symptom of
    /// years stays the complaint.
    @Test func diseasesOfLongStandingAreTheBackground() {
        let reading = reader.read("十几年的糖尿病了，最近查尿里有蛋白")
        #expect(reading.present.contains("endocrine") && reading.standing == ["endocrine"])
        #expect(reader.read("头疼好几年了").standing.isEmpty)
    }

    @Test func pastAndSupposedAreNotPresent() {
        #expect(reader.read("我爸前年中风过").past.contains("neuro"))
        #expect(!reader.read("我担心自己会不会中风").present.contains("neuro"))
        #expect(reader.read("痰里有一点点血丝").mild.contains("hemoptysis"))
    }

    /// Slightness said before a turn (现在, 但是) is of what came before it; said after one it reaches the whole sentence.
    @Test func slightnessStopsAtATurn() {
        let reading = reader.read("磕到头，当时没事，现在一直吐")
        #expect(reading.mild.contains("head_injury") && !reading.mild.contains("nausea") && reading.present.contains("nausea"))
        #expect(reader.read("胸口疼了一下，但是一会儿就好了").mild.contains("chest_pain"))
    }

    /// A pattern is read when all its parts are, where the last was said, and not when one is missing.
    @Test func aPatternIsReadWhenAllItsPartsAre() {
        #expect(reader.read("眼皮耷拉下来了，看东西有重影").present.contains("ptosis_with_eye_signs"))
        #expect(!reader.read("眼皮耷拉下来了").present.contains("ptosis_with_eye_signs"))
        #expect(!reader.read("眼皮没有耷拉，看东西有重影").present.contains("ptosis_with_eye_signs"))
    }

    /// A severity word that holds the quality in it (特别疼) still brings the quality to its site.
    @Test func severityWordsKeepTheirQuality() {
        let reading = reader.read("头特别疼")
        #expect(reading.present.contains("headache") && reading.severe)
    }

    /// Who is ill and the onset are read on a layer of their own: "my baby" neither hides "baby has stopped moving"
    /// nor is hidden by it.
    @Test func messageFlagsDoNotHidePhrases() {
        let reading = reader.read("my baby has stopped moving")
        #expect(reading.present.contains("fetal_movement_absent") && reading.child)
        #expect(reader.read("孩子突然不说话了").sudden)
        #expect(!reader.read("不是突然的，慢慢开始的").sudden)
    }

    /// A clause that names a quality and no site speaks of the site the clause before left alone; not across a
    /// sentence, and a clause with a site of its own keeps to it.
    @Test func aQualityAloneReadsTheSiteOfTheClauseBefore() {
        #expect(reader.read("刚才头像被人狠狠打了一棍那样，这辈子没这么疼过").present.contains("headache"))
        #expect(reader.read("咳嗽，带血").present.contains("hemoptysis"))
        #expect(reader.read("胸口，不疼").negated.contains("chest_pain"))
        #expect(!reader.read("头。疼").present.contains("headache"))
        #expect(!reader.read("胸口，肚子疼").present.contains("chest_pain"))
    }

    /// A negation inside a longer cue (也没, 都没有) gives way to a finding that starts with it (没劲, 没有胎动); a finding
    /// that does not start with a negation stays negated.
    @Test func negationCuesGiveWayToFindingsLedByANegation() {
        #expect(reader.read("右手也没劲了").present.contains("limb_weakness"))
        #expect(reader.read("怀孕三十周，今天也没有胎动").present.contains("fetal_movement_absent"))
        #expect(!reader.read("痰里也没有血丝").present.contains("hemoptysis"))
        #expect(reader.read("都没有发烧").negated.contains("fever"))
        #expect(reader.read("也没胸痛").negated.contains("chest_pain"))
    }

    /// "Never this bad" is the worst, not a negation.
    @Test func neverThisBadIsSevere() {
        let reading = reader.read("肚子这辈子没这么疼过")
        #expect(reading.severe && reading.present.contains("abdominal_pain"))
        #expect(!reader.read("今天没那么疼了").severe)
    }

    /// A number of tablets taken at once: ten or more is poisoning; fewer, a dose, a time or no tablets is not.
    @Test(arguments: [
        ("I took 30 paracetamol tablets an hour ago", true), ("一口气吃了三十片安眠药", true), ("吞了二十多粒", true),
        ("吃了2片布洛芬，头还疼", false), ("吃了10天的药", false), ("took 40 minutes to get here", false),
        ("I have not taken 20 tablets", false), ("如果吃了20片会怎样", false),
    ])
    func tabletsTakenAreCounted(text: String, poisoning: Bool) {
        #expect(reader.read(text).present.contains("poisoning") == poisoning, "\(text)")
    }

    /// Doubling a message's length must not much more than double the work: the steps the matcher and the scopes
    /// take are counted, so the check does not depend on the machine or its load.
    @Test(arguments: [
        "不咳", "胸痛", "没", "我头疼不发烧但是咳嗽，", "no chest pain, ", "頭", "胸口疼，疼到左边胳膊", "痛", "心跳180，",
        "心率", "头，疼，", "吃了30片，", "my baby ", "也没劲", "也没",
    ])
    func workGrowsLinearly(unit: String) {
        func work(_ characters: Int) -> Int {
            var steps = 0
            _ = reader.read(normalized: reader.normalized(String(repeating: unit, count: characters / unit.count)), work: &steps)
            return steps
        }
        let short = work(1000), long = work(2000)
        #expect(Double(long) <= Double(short) * 2.2, "\(unit): \(short) → \(long) steps")
    }
}

/// The loader refuses broken knowledge with the file and line.
struct KnowledgeLoadingTests {
    @Test func shippedKnowledgeLoads() {
        let knowledge = ClinicalKnowledge.shipped
        #expect(knowledge.concepts.count > 150)
        #expect(knowledge.redFlags.count > 40)
        #expect(knowledge.specialties.count == 27)
    }

    @Test(arguments: [
        ("concepts.jsonl", "{\"id\":\"x\",\"kind\":\"finding\",\"zh\":\"x\",\"en\":\"x\",\"say\":{\"zh\":[\"胸痛\"]}}", "already said by"),
        (
            "concepts.jsonl",
            "{\"id\":\"y\",\"kind\":\"finding\",\"zh\":\"y\",\"en\":\"y\",\"say\":{\"zh\":[\"新词\"]},\"specialties\":{\"nowhere\":1}}",
            "unknown specialty"
        ),
        (
            "red-flags.jsonl", "{\"id\":\"r\",\"level\":\"emergency\",\"zh\":\"r\",\"en\":\"r\",\"source\":\"s\",\"all\":[\"no_such\"]}",
            "unknown concept"
        ),
        ("cues.jsonl", "{\"kind\":\"negation\",", "not valid JSON"),
        (
            "concepts.jsonl", #"{"id":"x","kind":"finding","zh":"x","en":"x","say":{"zh":["某某某"]},"lasting":{"days":7,"concept":"no_such"}}"#,
            "\"lasting\" names a concept"
        ),
        (
            "measures.jsonl",
            #"{"id":"m","after":["no_such"],"within":3,"plausible":[1,2],"notBefore":{},"ranges":[{"atLeast":1,"concept":"fever"}]}"#,
            "unknown concept"
        ),
        ("concepts.jsonl", #"{"id":"x","kind":"site","zh":"x","en":"x","say":{"zh":["某某某"]},"record":true}"#, "\"record\" is for findings"),
        ("concepts.jsonl", #"{"id":"x","kind":"finding","zh":"x","en":"x","say":{"zh":[]},"allOf":["fever"]}"#, "\"allOf\" names two or more"),
        ("levels.jsonl", #"{"reason":"x","level":"soon","all":["fever"]}"#, "level is urgent or self_care"),
        ("levels.jsonl", #"{"reason":"x","level":"urgent","all":["fever"],"unless":["tired"]}"#, "unknown condition"),
        ("red-flags.jsonl", #"{"id":"r","level":"urgent","zh":"r","en":"r","source":"s","all":["fever"]}"#, "level is emergency"),
    ])
    func brokenEntryNamesFileAndLine(file: String, line: String, message: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("knowledge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = ClinicalKnowledge.shippedFolder
        for name in [
            "concepts.jsonl", "cues.jsonl", "red-flags.jsonl", "questions.jsonl", "specialties.jsonl", "characters.jsonl",
            "measures.jsonl", "levels.jsonl",
        ] {
            var text = try String(contentsOf: source.appendingPathComponent(name), encoding: .utf8)
            if name == file { text += line + "\n" }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let lineNumber =
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .count - 1
        do {
            _ = try ClinicalKnowledge.load(from: folder)
            Issue.record("loaded a broken \(file)")
        } catch let error as KnowledgeError {
            #expect(error.file == file && error.line == lineNumber && error.message.contains(message), "\(error)")
        }
    }
}

/// Equal evidence from one concept (晕倒: neurology and cardiology alike) is ranked the same way every time.
struct SpecialtyScoresTests {
    @Test(arguments: [
        ("syncope", ["cardiology", "neurology"]), ("edema_legs", ["cardiology", "nephrology"]),
        ("tearing_pain", ["cardiology", "cardiothoracic_surgery"]),
    ])
    func tiesAreBrokenByTheSpecialtysId(concept: String, order: [String]) {
        for _ in 0..<20 {
            let ranked = SpecialtyScores(present: [concept], knowledge: .shipped).ranked.map(\.specialty)
            #expect(Array(ranked.prefix(2)) == order)
        }
    }
}
