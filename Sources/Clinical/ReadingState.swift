/// The state of one pass of `ClinicalReader`: the cues in force in the current clause and sentence, and the sites
/// and qualities waiting for a partner.
struct ReadingState {
    let text: [Character]
    let knowledge: ClinicalKnowledge
    /// Units (a Chinese character or a Latin word) before each position, to measure how far apart two words are.
    let units: [Int]
    var reading = Reading()
    /// Steps taken composing and closing clauses, for the linearity tests.
    var work = 0
    var clauseStart = 0
    var sentenceStart = 0
    var negatedClause = false
    var negatedUntil = -1
    var supposed = false
    var pastClause = false
    /// Years of standing were said in this clause (糖尿病十来年了, 十几年的高血压): its diseases are the background.
    var standingClause = false
    var mildClause = false
    var mildSentence = false
    var sites: [(id: String, mention: Int)] = []
    var qualities: [(id: String, mention: Int)] = []
    var siteFrom = 0
    var qualityFrom = 0
    /// Qualities of this clause not yet read with a site.
    var lone: [Int] = []
    /// The last site of the clause before, in this sentence, that was read with no quality: a clause that names a
    /// quality and no site speaks of it (头，疼得厉害; 咳嗽，带血).
    var openSite: Int?

    init(text: [Character], knowledge: ClinicalKnowledge) {
        self.text = text
        self.knowledge = knowledge
        var units = [Int](repeating: 0, count: text.count + 1)
        for (index, character) in text.enumerated() {
            let startsWord = PhraseMatcher<Int>.isLatin(character) && (index == 0 || !PhraseMatcher<Int>.isLatin(text[index - 1]))
            units[index + 1] = units[index] + (startsWord || TextNormalizer.isHan(character) ? 1 : 0)
        }
        self.units = units
    }

    private func negates(_ start: Int) -> Bool { negatedClause || units[start] <= negatedUntil }

    /// What the cues in force say of a word starting at `start`: negated, supposed or present.
    private func status(at start: Int) -> Mention.Status { negates(start) ? .negated : supposed ? .supposed : .present }

    mutating func mention(_ id: String, role: ClinicalReader.Role, range: Range<Int>) {
        let status = status(at: range.lowerBound)
        reading.mentions.append(Mention(concept: id, range: range, status: status))
        let index = reading.mentions.count - 1
        switch role {
        case .site, .partner:
            siteFrom = firstNearby(sites, from: siteFrom, before: range.lowerBound)
            for quality in qualities[qualityFrom...].reversed() { add(site: index, quality: quality.mention) }
            sites.append((id, index))
        case .quality:
            qualityFrom = firstNearby(qualities, from: qualityFrom, before: range.lowerBound)
            for site in sites[siteFrom...].reversed() { add(site: site.mention, quality: index) }
            qualities.append((id, index))
            lone.append(index)
        case .plain: break
        }
    }

    /// The first waiting word still close enough to `start` to pair with it: the window moves forward only, so
    /// a pass stays linear however many sites and qualities a clause holds.
    private func firstNearby(_ waiting: [(id: String, mention: Int)], from: Int, before start: Int) -> Int {
        var first = from
        while first < waiting.count,
            units[start] - units[reading.mentions[waiting[first].mention].range.upperBound] > ClinicalReader.compositionWindow
        {
            first += 1
        }
        return first
    }

    private mutating func add(site: Int, quality: Int, near: Bool = true) {
        work += 1
        let s = reading.mentions[site], q = reading.mentions[quality]
        let (first, second) = s.range.lowerBound < q.range.lowerBound ? (s.range, q.range) : (q.range, s.range)
        guard !near || units[second.lowerBound] - units[first.upperBound] <= ClinicalReader.compositionWindow,
            let concept = knowledge.compositions[s.concept + "|" + q.concept]
        else { return }
        let statuses = [s.status, q.status]
        let status: Mention.Status = statuses.contains(.negated) ? .negated : statuses.contains(.supposed) ? .supposed : .present
        if knowledge.concepts[s.concept]?.kind == .site { reading.mentions[site].composed = true }
        reading.mentions[quality].composed = true
        reading.mentions.append(Mention(concept: concept, range: first.lowerBound..<second.upperBound, status: status))
    }

    /// A measure's anchor word (吃了, took), kept with the status a concept there would have.
    mutating func anchor(_ measure: String, range: Range<Int>) {
        let status = status(at: range.lowerBound)
        reading.anchors.append(Mention(concept: measure, range: range, status: status))
    }

    mutating func cue(_ kind: Cue.Kind, scope: Cue.Scope, range: Range<Int>) {
        let negated = negates(range.lowerBound)
        switch kind {
        case .negation:
            if scope == .near { negatedUntil = units[range.upperBound] + ClinicalReader.nearReach } else { negatedClause = true }
        case .contrast:
            negatedClause = false
            negatedUntil = -1
            supposed = false
            // "当时没事，现在一直吐": slightness said before a turn is of what came before it, not of what follows.
            if mildSentence {
                for index in sentenceStart..<reading.mentions.count { reading.mentions[index].mild = true }
                sentenceStart = reading.mentions.count
                mildSentence = false
            }
        case .past: pastClause = true
        case .pastAfter:
            if let last = reading.mentions.indices.last, reading.mentions[last].range.upperBound == range.lowerBound,
                reading.mentions[last].status == .present
            {
                reading.mentions[last].status = .past
            }
        case .standing: standingClause = true
        case .hypothetical: supposed = true
        case .mild:
            if negated { break }
            if scope == .clause { mildClause = true } else { mildSentence = true }
        case .severe: if !negated { reading.severe = true }
        case .sudden: if !negated { reading.sudden = true }
        case .waking: if !negated { reading.onWaking = true }
        case .word: break
        case .child: reading.child = true
        case .adult: reading.adult = true
        case .elderly: reading.elderly = true
        case .infant: reading.infant = true
        case .clauseEnd: endClause()
        case .sentenceEnd: endSentence()
        }
    }

    mutating func endClause() {
        if sites.isEmpty, let openSite {
            for index in lone where !reading.mentions[index].composed { add(site: openSite, quality: index, near: false) }
        }
        openSite = sites.last { !reading.mentions[$0.mention].composed }?.mention
        for index in lone {
            let quality = reading.mentions[index]
            // A quality is never a concept of its own: it was read with a site, stands for its `alone` concept, or is dropped.
            reading.mentions[index].composed = true
            if !quality.composed, let alone = knowledge.concepts[quality.concept]?.alone {
                reading.mentions.append(Mention(concept: alone, range: quality.range, status: quality.status))
            }
        }
        lone = []
        work += reading.mentions.count - clauseStart + lone.count + 1
        for index in clauseStart..<reading.mentions.count {
            if pastClause, reading.mentions[index].status == .present { reading.mentions[index].status = .past }
            if mildClause { reading.mentions[index].mild = true }
            if standingClause, knowledge.concepts[reading.mentions[index].concept]?.kind == .disease { reading.mentions[index].standing = true }
        }
        mildClause = false
        clauseStart = reading.mentions.count
        negatedClause = false
        negatedUntil = -1
        supposed = false
        pastClause = false
        standingClause = false
        sites = []
        qualities = []
        siteFrom = 0
        qualityFrom = 0
    }

    mutating func endSentence() {
        endClause()
        if mildSentence {
            for index in sentenceStart..<reading.mentions.count { reading.mentions[index].mild = true }
        }
        sentenceStart = reading.mentions.count
        mildSentence = false
        openSite = nil
    }
}
