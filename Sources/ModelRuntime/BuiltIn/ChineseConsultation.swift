import Clinical

/// What a Chinese consultation established, read once from the transcript into typed facts that each keep the spans
/// they were read from. The 门诊病历 (`OutpatientWriter`) and the omission check are written from these facts, never
/// from the transcript itself.
struct ChineseConsultation: Sendable {
    typealias Terms = ChineseClinicalTerms
    /// Who is ill: a child (患儿) or an adult (患者), a newborn, and the age as said.
    struct Patient: Sendable {
        var isChild: Bool
        var isNewborn: Bool
        var age: Quote?
    }

    /// A length of time as said (3天, 两周), with where.
    typealias Duration = (found: ChineseQuantities.Found, span: EvidenceSpan)

    let patient: Patient
    /// Symptoms and findings present and denied, in the order first said (高热 stands for 发热 when both were said).
    let findings: [Finding]
    /// What brought the patient: the complaint said first and most, present, not a general state.
    let complaint: Finding?
    /// With no complaint, the disease the patient came about as first said (体检查出来血脂高 → 高脂血症), and whether a
    /// check-up found it.
    let reportedDisease: (name: String, span: EvidenceSpan, atACheckUp: Bool)?
    /// How long the complaint has lasted.
    let complaintDuration: Duration?
    /// The highest temperature said.
    let highestTemperature: (found: ChineseQuantities.Found, span: EvidenceSpan)?
    /// Medicines and treatments already taken for this illness.
    let medicinesTaken: [Quote]
    /// How the illness has gone so far (症状好转).
    let course: Quote?
    /// What makes the complaint worse, as said (低头看手机更明显).
    let modifiers: [Quote]
    let pastHistory: [Quote]
    let allergies: [Quote]
    let personalHistory: [Quote]
    let familyHistory: [Quote]
    /// Vital signs and examination findings.
    let examination: [Quote]
    /// Other complaints said right beside the main one, or of its site in the same message, for 主诉.
    let complaintsSaidWith: [Finding]
    /// How far the pregnancy is (孕28周), when the patient said so.
    let gestation: Quote?
    /// Test results.
    let results: [Quote]
    /// The doctor's diagnosis, uncertain when said as a possibility (考虑…).
    let diagnosis: Finding?
    /// Diagnoses named with the main one (诊断A，B; 考虑A伴B).
    let otherDiagnoses: [Finding]
    /// The plan as said: tests ordered, medicines with their dose, advice and the follow-up, in the order first said.
    let plan: [ChineseReading.PlanItem]
    /// The doctor's strongest advice as said, when no plan item was read (read only then).
    let advice: [Quote]
    /// Turns written from the pre-visit conversation: facts resting only on them are patient-reported.
    let reportedTurns: Set<Int>

    init(_ transcript: [TranscriptTurn]) {
        self.init(reading: ChineseReading(transcript))
    }

    init(reading: ChineseReading) {
        let age = reading.age()
        patient = Patient(isChild: reading.isAboutAChild(age: age), isNewborn: reading.isAboutANewborn(age: age), age: age)
        findings = Self.mergingFeverIntoHighFever(reading.symptoms())
        complaint = Self.mainComplaint(among: Self.complaints(in: findings), in: reading)
        complaintDuration = complaint.flatMap(reading.duration(of:))
        complaintsSaidWith = Self.complaints(in: findings, saidBeside: complaint, in: reading)
        reportedDisease =
            complaint != nil
            ? nil
            : reading.turns.first(where: \.isPatientSide).flatMap { turn in
                let found = turn.clauses().lazy.flatMap { clause in
                    turn.matches(ChineseReading.diagnosisIndex, in: clause).filter { !reading.isNegated(turn, clause: clause, term: $0.range) }
                }.first
                return found.map {
                    ($0.value, turn.span($0.range), Terms.words[.checkUpCues].contains(where: turn.string(0..<turn.characters.count).contains))
                }
            }
        highestTemperature = reading.highestTemperature()
        pastHistory = reading.pastHistory()
        // A medicine taken for a long-standing disease (长期使用二甲双胍) is the history's, not this illness's; one taken
        // for a while with no such disease (一直喂的茵栀黄) is this illness's.
        let standing = pastHistory.contains { Terms.chronicDiseases.contains($0.text) }
        let longTerm =
            !standing
            ? []
            : Set(
                pastHistory.map(\.text).filter { $0.hasPrefix(ChineseReading.longTermUse) }.map {
                    String($0.dropFirst(ChineseReading.longTermUse.count))
                })
        medicinesTaken = reading.medicinesTaken().filter { !longTerm.contains($0.text) }
        course = reading.course()
        modifiers = Array(reading.modifiers().prefix(2))
        allergies = reading.allergies()
        personalHistory = reading.personalHistory()
        familyHistory = reading.familyHistory()
        gestation = reading.gestation()
        let results = reading.testResults()
        self.results = results
        // "查了尿妊娠试验阴性" reads as a test's result and, by its 试验阴性, as a sign: a test's result is 辅助检查.
        examination = reading.examination().filter { quote in !results.contains { $0.span.overlaps(quote.span) } }
        diagnosis = reading.diagnosis()
        otherDiagnoses = diagnosis.map(reading.diagnoses(beside:)) ?? []
        plan = reading.planItems()
        advice = plan.isEmpty ? reading.advice(limit: 1) : []
        reportedTurns = reading.reportedTurns
    }

    /// Findings that describe the general state (精神差, 食欲差) rather than the complaint.
    static let generalState = Set(ChineseClinicalTerms.words[.generalState])
    /// Findings that say something is wrong without naming what, and the named findings they give way to.
    static let vague = ChineseClinicalTerms.words.vague

    /// Other complaints said right beside the main one where it is first named ("发烧咳嗽五天了", "咳嗽、咳痰"), in the order
    /// said: 主诉 names them too. A vague one (大便异常) does not stand beside a named one.
    private static func complaints(in findings: [Finding], saidBeside main: Finding?, in reading: ChineseReading) -> [Finding] {
        // Where it was first said: a high fever's first evidence may be the reading (39度2) said after "发烧".
        guard let main, let mainSpan = main.evidence.filter({ $0.turn == main.firstSaid.turn }).min(by: { $0.start < $1.start }) else { return [] }
        var beside: [Finding] = []
        var reach = (start: mainSpan.start, end: mainSpan.end)
        // Nothing between them, or 、: "流涕，鼻塞" are said one after the other, not together.
        let turn = reading.turns[mainSpan.turn]
        func joined(_ end: Int, _ start: Int) -> Bool { start == end || (start == end + 1 && turn.character(atUTF16: end) == "、") }
        // Each complaint reached extends the run: "发烧咳嗽流鼻涕".
        let mainSite = siteAndQuality(of: main.name)?.site
        for other in complaints(in: findings).sorted(by: { ($0.evidence.first?.start ?? 0) < ($1.evidence.first?.start ?? 0) })
        where other.name != main.name && !other.resolved && vague[other.name] == nil {
            guard let span = other.evidence.first, span.turn == mainSpan.turn else { continue }
            // "左边乳房又红又肿又疼": what is felt at the same site, said in the same message, is one complaint.
            if let mainSite, siteAndQuality(of: other.name)?.site == mainSite {
                beside.append(other)
                continue
            }
            let before = span.end <= reach.start && joined(span.end, reach.start), after = span.start >= reach.end && joined(reach.end, span.start)
            if before || after {
                beside.append(other)
                reach = (min(reach.start, span.start), max(reach.end, span.end))
            }
        }
        return beside
    }

    /// "乳房红" → (乳房, 红): a complaint made of a body site and what is felt there, as the record words compose it.
    static func siteAndQuality(of name: String) -> (site: String, quality: String)? {
        for site in siteNames where name.hasPrefix(site) {
            let quality = String(name.dropFirst(site.count))
            if qualityNames.contains(quality) { return (site, quality) }
        }
        return nil
    }

    /// Complaints of one site written once, in the order said: 乳房红、乳房肿、乳房痛 → 乳房红肿痛.
    static func joinedBySite(_ names: [String]) -> [String] {
        var joined: [String] = []
        var siteAt: [String: Int] = [:]
        for name in names {
            if let (site, quality) = siteAndQuality(of: name) {
                if let index = siteAt[site] {
                    if !joined[index].hasSuffix(quality) { joined[index] += quality }
                    continue
                }
                siteAt[site] = joined.count
            }
            joined.append(name)
        }
        return joined
    }

    // Longest first: 下腹 before 腹.
    private static let siteNames = ChineseClinicalTerms.words.sites.map(\.name).sorted { $0.count > $1.count }
    private static let qualityNames = Set(ChineseClinicalTerms.words.qualities.map(\.name))

    /// Present findings that are complaints, not the general state.
    var complaints: [Finding] { Self.complaints(in: findings) }

    private static func complaints(in findings: [Finding]) -> [Finding] {
        findings.filter { $0.present && !generalState.contains($0.name) }
    }

    /// The main complaint: said in the patient's first words if any was, not gone since, and among those talked about
    /// most; but a vague finding gives way to the named one it describes (腹泻 before 大便异常).
    private static func mainComplaint(among complaints: [Finding], in reading: ChineseReading) -> Finding? {
        let firstPatientTurn = reading.turns.first(where: \.isPatientSide)?.index
        func opening(_ finding: Finding) -> Int { finding.firstSaid.turn == firstPatientTurn ? 1 : 0 }
        func named(_ finding: Finding) -> Int {
            guard let named = vague[finding.name] else { return 1 }
            return complaints.contains { named.contains($0.name) } ? 0 : 1
        }
        func current(_ finding: Finding) -> Int { finding.resolved ? 0 : 1 }
        return complaints.filter { reading.turns[$0.firstSaid.turn].isPatientSide }
            .enumerated()
            .sorted { lhs, rhs in
                (named(lhs.element), opening(lhs.element), current(lhs.element), lhs.element.mentions, -lhs.offset)
                    > (named(rhs.element), opening(rhs.element), current(rhs.element), rhs.element.mentions, -rhs.offset)
            }
            .first?.element
    }

    /// 高热 says 发热 already: one finding, 高热, first said where the fever was and said as often as both.
    static func mergingFeverIntoHighFever(_ symptoms: [Finding]) -> [Finding] {
        guard let fever = symptoms.firstIndex(where: { $0.name == "发热" && $0.present }),
            let high = symptoms.firstIndex(where: { $0.name == "高热" && $0.present })
        else { return symptoms }
        var merged = symptoms
        if (symptoms[fever].firstSaid.turn, symptoms[fever].firstSaid.offset) < (symptoms[high].firstSaid.turn, symptoms[high].firstSaid.offset) {
            merged[high].firstSaid = symptoms[fever].firstSaid
            merged[high].evidence = [symptoms[fever].evidence[0]] + symptoms[high].evidence.prefix(2)
        }
        merged[high].mentions += symptoms[fever].mentions
        merged[high].conflicting = symptoms[fever].conflicting || symptoms[high].conflicting
        merged.remove(at: fever)
        return merged.sorted { ($0.firstSaid.turn, $0.firstSaid.offset, $0.name) < ($1.firstSaid.turn, $1.firstSaid.offset, $1.name) }
    }
}
