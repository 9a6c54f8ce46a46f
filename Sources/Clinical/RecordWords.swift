import Foundation

/// The words of consultations in one language that the record drafter reads: symptoms by their record name with the
/// ways they are said, diagnoses and the record's name for those said another way, tests, medicines, and the cues
/// around them. Loaded from `Knowledge/record-words.<language>.jsonl` and validated: a broken line stops loading with
/// its file and line. The words are kept as written: the drafter folds the transcript to match them.
public struct RecordWords: Sendable {
    /// A symptom by its name in the record, with the ways it is said.
    public struct Symptom: Sendable {
        public let name: String
        public let said: [String]
    }

    /// The plain word lists of the file; each must be there once.
    public enum List: String, CaseIterable, Decodable, Sendable {
        /// Diagnoses doctors name (longest first when matched).
        case diagnoses
        /// Tests and examinations.
        case tests
        /// Medicines (brand and generic names used in clinics).
        case medicines
        /// Said before a term, denies it within the clause.
        case negationCues
        /// Marks a clause as doubtful.
        case uncertaintyCues
        /// Marks a clause as a question.
        case questionCues
        /// A doctor's advice, order or treatment.
        case adviceCues
        /// A result of a test, as opposed to an order for one.
        case resultCues
        /// Words that mark history before this illness.
        case pastCues
        /// Phrases of a healthy past.
        case healthyPast
        /// Diagnoses (and complaints to be investigated) whose name in a child's record carries 小儿: 小儿腹泻.
        case pediatricNames
        /// Words of a child patient.
        case childCues
        /// Talk that carries no clinical content.
        case fillers
        /// Relatives, for family history.
        case familyCues
        /// Birth, feeding, vaccines, habits: personal history.
        case personalCues
        /// Exam findings a doctor says.
        case examCues
        /// A medicine already used (用了, 吃过): the history, not the plan.
        case pastUses
        /// A medicine taken for a long time (一直吃, 每天打): the history of a long-standing disease.
        case ongoingUses
        /// Habits a doctor asks about, by the record's word; its last character names it in a question (抽烟吗 → 吸烟).
        case habits
        /// A verb that orders the test named right after it (拍胸片, 查血常规).
        case testVerbs
        /// A doctor asking how long (多久, 几天): the answer dates the complaint.
        case durationQuestions
        /// Said at the start of a clause, carry nothing for the record (嗯, 好的, 然后).
        case leadingFillers
        /// Words of a result said with its test (阳性, 偏高, 满视野): the clause reports the result.
        case resultWords
        /// Said right before a disease's name, make it a feeling (有点焦虑), not the disease.
        case mildCues
        /// Said before or after a medicine, stop it (停用, 先停了): the plan is to stop.
        case stopCues
        /// Said before a medicine, forbid it (不要, 避免): not a prescription.
        case prohibitionCues
        /// Words that hold a symptom's word and are not it (红烧, 发烧药).
        case notSymptoms
        /// Who is speaking or spoken of (我, 他), left out of a history quoted from the patient (我对青霉素过敏 → 青霉素过敏).
        case speakerWords
        /// English: sentences of the patient that tell the history (started, since, worse).
        case historyCues
        /// English: a doctor naming what the patient has (this is, consistent with).
        case assessmentCues
        /// English: a doctor saying what will be done (prescribe, we'll, follow up).
        case planCues
        /// A doctor ordering a test (查, 完善; order, check, get).
        case orderCues
        /// English: when to come back (follow up in, come back in), written "Follow up in …".
        case followUpCues
        /// English: the doctor's words for the reason of the visit (presents with, here for).
        case reasonCues
        /// English: sounds and phrases of speech that carry nothing (um, you know), left out of quoted sentences.
        case disfluencies
        /// English: words that start a new sentence in speech transcribed without punctuation (okay, so, now).
        case spokenBreaks
        /// English: a sentence addressed to a dictation assistant (hey dragon), not to the patient.
        case assistantCommands
        /// English: the doctor starting the examination (on exam, let me examine).
        case examStarts
        /// English: the doctor starting the assessment and plan (my assessment, for your first problem).
        case assessmentStarts
        /// English: the doctor going over what the patient takes (I have that you take, you're on): not a prescription.
        case currentMedicationCues
        /// English: symptoms said of a body site, written with it (my right knee hurts → right knee pain).
        case sitedSymptoms
        /// English: how a question starts (do you, have you, any), for speech transcribed without question marks.
        case questionStarts
        /// English: the doctor's words for a woman or girl (female, mrs, she): the record then says "she" and "her".
        case femaleCues
        /// English: the doctor's words for a man or boy (male, mr, he): the record then says "he" and "his".
        case maleCues
        /// English: a change the doctor makes to a medicine, said right before it (increase, restart, stop): kept in its line.
        case doseChanges
        /// How a result said without its test's name begins.
        case resultOpenings
        /// Words around a test that make it an order or a wish rather than a result.
        case orderWords
        /// A diagnosis the patient reports another doctor or a test made (医生说, 查出).
        case reportedDiagnosisCues
        /// A diagnosis named as made (诊断为, 确诊).
        case diagnosedCues
        /// A clause about what might happen, not what is (如果, 以免).
        case hypotheticalCues
        /// Words a doctor names a diagnosis with (考虑, 是, 可能).
        case namingCues
        /// Diagnoses too vague to stand against a named one (过敏, 细菌感染).
        case vagueDiagnoses
        /// Diagnoses that are also complaints (便秘, 积食).
        case symptomLike
        /// A clause about what usually or would happen (一般, 如果).
        case supposingCues
        /// One character each: the verbs a medicine is taken with (吃, 用).
        case takingVerbs
        /// A test or treatment only meant, not done (准备, 打算).
        case intentCues
        /// A medicine or treatment already taken or given (吃了, 用过).
        case takenCues
        /// Words of the patient an age is said of (宝宝, 孩子).
        case ageCues
        /// Advice that weighs most when choosing what a plan says (建议, 复查).
        case strongAdvice
        /// One character each: what a medicine's name says it does (止咳, 退烧), so it is not the symptom.
        case treatmentVerbs
        /// How an answer to a yes-or-no question says no.
        case negativeAnswers
        /// How an answer to a yes-or-no question says yes.
        case positiveAnswers
        /// Symptoms of the general state, not the complaint (精神差, 食欲差).
        case generalState
        /// The forms a medicine's name may end with (颗粒, 混悬液), longest first.
        case dosageForms
        /// Words that wish for, plan or have just borne a child (想要孩子, 生完孩子), not a child who is the patient.
        case childWishes
        /// Words after which a number of weeks or months is how far the pregnancy is (怀孕, 孕).
        case gestationCues
        /// Words after which a number of weeks or months is the time since the birth (产后, 生完孩子).
        case postpartumCues
        /// Words that tell the patient to come back (要来复查), making what is said before them in the sentence a condition.
        case comeBackCues
        /// What ends a clause that denies what it named before (…的念头没有, …也没有).
        case denialsAtTheEnd
        /// Words a report gives its findings with (提示, 显示): the clauses after them in the sentence are more of the report.
        case reportVerbs
        /// Words that open a clause naming the diagnosis, longest first (诊断为, 考虑是, 这是), for one the knowledge does not list.
        case diagnosisAsSaidCues
        /// How the name of a disease ends (炎, 综合征, 骨折), so that one the knowledge does not list is known as one.
        case diseaseEndings
        /// The forms that name a product on their own (乳膏, 滴眼液), for a medicine the knowledge does not list.
        case productForms
        /// Words that give a medicine right before its name (外用, 涂), where an unlisted product's name starts.
        case medicineLeadIns
        /// Words that open a dose said right after a medicine's name (一次, 每次), where an unlisted medicine's name ends.
        case doseOpeners
        /// How the name of an operation ends (剔除术, 切除术), for one the knowledge does not list.
        case operationEndings
        /// Verbs that arrange an operation right before its name (做, 行).
        case operationLeadIns
        /// Words that say what makes a complaint worse (更明显, 加重), for the clause saying it.
        case modifierCues
        /// A doctor's question about the patient's work (做什么工作), whose answer opens with it.
        case occupationQuestions
        /// Advice to come back that a condition said before it may qualify (及时就医), by its record words.
        case returnAdvice
        /// Words that make what follows them a condition (如果, 若, 一旦).
        case conditionCues
        /// Words where a condition's advice begins, ending the condition (需要, 建议, 及时).
        case conditionStops
        /// A verb that orders a test even in a question (查个, 拍一下).
        case ordersInAQuestion
        /// Treatments given, not medicines taken (雾化, 输液).
        case procedures
        /// Words of a check-up, for a disease it found (体检).
        case checkUpCues
        /// Words that hold a question word and ask nothing (没什么, 不怎么).
        case indefinites
        /// Words joining a second diagnosis to the first (失眠障碍伴焦虑状态).
        case diagnosisJoiners
        /// Words of an answer that say all is well, a no to the symptom asked (咽东西没问题, 大便颜色正常, 体重没变).
        case fineAnswers
        /// English: words that make a sentence naming a test a result rather than an order.
        case reportWords
        /// English: how a patient's answer says yes (it must start with one).
        case yesAnswers
        /// A patient's answer that says no to all that was asked (no, none of those).
        case noAnswers
        /// English: how a doctor opens a sentence that names the diagnosis (this is, you have), for its words as said.
        case assessmentOpeners
        /// English: how a relative speaking for the patient names them (my son, my toddler).
        case relativeSpeaking
        /// English: the doctor introducing the patient (a 50-year-old female with a history of …).
        case introCues
        /// English: words that go on with a dose after a comma ("…, split into two doses, for ten days").
        case doseContinuations
        /// English: words after which a negation said before no longer reaches ("not controlled, but…", "no blood, just a
        /// slight temperature").
        case negationEnds

        /// The lists a file of `language` must have.
        public static func required(language: String) -> [List] {
            let englishOnly: [List] = [
                .historyCues, .assessmentCues, .planCues, .followUpCues, .reasonCues, .disfluencies, .spokenBreaks,
                .assistantCommands, .examStarts, .assessmentStarts, .femaleCues, .maleCues, .currentMedicationCues, .sitedSymptoms, .questionStarts,
                .doseChanges, .reportWords, .yesAnswers, .noAnswers, .assessmentOpeners, .relativeSpeaking, .introCues, .doseContinuations,
                .negationEnds,
            ]
            let english: [List] =
                [.negationCues, .uncertaintyCues, .fillers, .examCues, .resultCues, .familyCues, .personalCues, .orderCues]
                + englishOnly
            return language == "en" ? english : allCases.filter { !englishOnly.contains($0) }
        }

        /// Lists of single characters (they are matched one character at a time).
        public static let ofCharacters: Set<List> = [.takingVerbs, .treatmentVerbs]
    }

    /// In the file's order: the first that matches wins on a tie.
    public let symptoms: [Symptom]
    /// Body sites by the name a record gives them (腰, 膝关节, 尿), with the ways they are said.
    public let sites: [Symptom]
    /// What is felt or seen at a site (痛, 痒, 麻木): a site said with one makes a symptom (腰 + 疼 → 腰痛).
    public let qualities: [Symptom]
    /// A diagnosis said another way → the record's name for it (上感 → 上呼吸道感染).
    public let writtenAs: [String: String]
    /// A doctor's advice by the record's words, with the ways it is said (多喝水 → 多饮水), in the file's order.
    public let advice: [Symptom]
    /// How a medicine is given, by the words of its form (滴眼液 → 滴眼, 软膏 → 外用); a medicine of no listed form is
    /// taken by mouth.
    public let routes: [Symptom]
    /// How the course so far is written, by the ways it is said (不管用 → 症状无明显改善).
    public let courses: [Symptom]
    /// A test said another way → the record's name for it (听诊 → 肺部听诊), before the terms' names.
    public let testsWrittenAs: [String: String]
    /// A relative by the record's word, with the ways they are said (我妈 → 母亲).
    public let relatives: [Symptom]
    /// A finding that says something is wrong without naming what → the named findings it gives way to
    /// (大便异常 → 腹泻, 便秘, 便血).
    public let vague: [String: Set<String>]
    let lists: [List: [String]]

    /// The words of `list`.
    public subscript(list: List) -> [String] { lists[list] ?? [] }

    /// The Chinese words shipped with the module.
    public static let chinese: RecordWords = shipped(language: "zh")
    /// The English words shipped with the module.
    public static let english: RecordWords = shipped(language: "en")

    static func shipped(language: String) -> RecordWords {
        do {
            let file = try KnowledgeFile.read("record-words.\(language).jsonl", in: ClinicalKnowledge.shippedFolder)
            return try load(file, requiring: List.required(language: language))
        } catch {
            fatalError("the shipped record words do not load: \(error)")
        }
    }

    /// The words in `file`, which must hold each list of `requiring` (the Chinese lists unless told).
    public static func load(_ file: KnowledgeFile, requiring: [List] = List.required(language: "zh")) throws -> RecordWords {
        var symptoms: [Symptom] = [], sites: [Symptom] = [], qualities: [Symptom] = [], advice: [Symptom] = [], routes: [Symptom] = []
        var courses: [Symptom] = [], relatives: [Symptom] = [], testsWrittenAs: [String: String] = [:], vague: [String: Set<String>] = [:]
        var lists: [List: [String]] = [:]
        var writtenAs: [String: (name: String, line: Int)] = [:]
        for (line, entry) in try file.entries(Line.self) {
            func fail(_ message: String) -> KnowledgeError { KnowledgeError(file: file.name, line: line, message: message) }
            let words = try entry.checkedWords(fail)
            let kinds = [entry.symptom, entry.site, entry.quality, entry.list, entry.writtenAs, entry.advice, entry.route, entry.course]
            let more = [entry.testWrittenAs, entry.vague, entry.relative]
            guard (kinds + more).compactMap({ $0 }).count == 1 else {
                throw fail("an entry is one of symptom, site, quality, list, writtenAs, advice, route, course, testWrittenAs, vague or relative")
            }
            func add(_ name: String, _ kind: String, to named: inout [Symptom]) throws {
                guard !named.contains(where: { $0.name == name }) else { throw fail("\(kind) \"\(name)\" given twice") }
                named.append(Symptom(name: name, said: words))
            }
            if let name = entry.symptom {
                try add(name, "symptom", to: &symptoms)
            } else if let name = entry.site {
                try add(name, "site", to: &sites)
            } else if let name = entry.quality {
                try add(name, "quality", to: &qualities)
            } else if let name = entry.list {
                guard let list = List(rawValue: name) else { throw fail("unknown list \"\(name)\"") }
                guard lists[list] == nil else { throw fail("list \"\(name)\" given twice") }
                if List.ofCharacters.contains(list), let long = words.first(where: { $0.count != 1 }) {
                    throw fail("\"\(long)\" is not one character (list \"\(name)\")")
                }
                lists[list] = words
            } else if let name = entry.advice {
                try add(name, "advice", to: &advice)
            } else if let name = entry.route {
                // A plan line starts with its route (口服, 滴眼): two characters, as the record writes them.
                guard name.count == 2 else { throw fail("a route is two characters: \"\(name)\"") }
                try add(name, "route", to: &routes)
            } else if let name = entry.course {
                try add(name, "course", to: &courses)
            } else if let name = entry.relative {
                try add(name, "relative", to: &relatives)
            } else if let name = entry.testWrittenAs {
                for word in words {
                    guard testsWrittenAs[word] == nil else { throw fail("\"\(word)\" is already written as \(testsWrittenAs[word]!)") }
                    testsWrittenAs[word] = name
                }
            } else if let name = entry.vague {
                guard vague[name] == nil else { throw fail("vague \"\(name)\" given twice") }
                vague[name] = Set(words)
            } else if let name = entry.writtenAs {
                for word in words {
                    guard writtenAs[word] == nil else { throw fail("\"\(word)\" is already written as \(writtenAs[word]!.name)") }
                    writtenAs[word] = (name, line)
                }
            }
        }
        if let missing = requiring.first(where: { lists[$0] == nil }) {
            throw KnowledgeError(file: file.name, line: 0, message: "list \"\(missing.rawValue)\" is missing")
        }
        let diagnoses = Set(lists[.diagnoses] ?? [])
        if let stray = writtenAs.values.filter({ !diagnoses.contains($0.name) }).min(by: { $0.line < $1.line }) {
            throw KnowledgeError(file: file.name, line: stray.line, message: "\"\(stray.name)\" is not in the diagnoses list")
        }
        return RecordWords(
            symptoms: symptoms, sites: sites, qualities: qualities, writtenAs: writtenAs.mapValues(\.name), advice: advice, routes: routes,
            courses: courses, testsWrittenAs: testsWrittenAs, relatives: relatives, vague: vague, lists: lists)
    }

    struct Line: Decodable {
        let symptom: String?
        let site: String?
        let quality: String?
        let list: String?
        let writtenAs: String?
        let advice: String?
        let route: String?
        let course: String?
        let testWrittenAs: String?
        let vague: String?
        let relative: String?
        let said: [String]?
        let words: [String]?

        func checkedWords(_ fail: (String) -> KnowledgeError) throws -> [String] {
            guard let words = said ?? words, !words.isEmpty else { throw fail("no words (said or words)") }
            if words.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) { throw fail("an empty word") }
            if Set(words).count != words.count { throw fail("a word given twice") }
            return words
        }
    }
}
