import Foundation

/// Reads the knowledge files and checks them together: unknown references, empty phrase lists, a phrase that means
/// two things, a pair composed twice. Every error names its file and line.
struct KnowledgeValidator {
    let concepts, cues, redFlags, questions, specialties, characters, measures, levels: KnowledgeFile
    /// The condition names rules may use.
    static let conditionNames: Set = ["sudden", "waking", "severe", "fever", "elderly", "child", "pregnant", "under_three"]

    func knowledge() throws -> ClinicalKnowledge {
        let specialtyEntries = try specialties.entries(Specialty.self)
        var specialtyById: [String: Specialty] = [:]
        for (line, entry) in specialtyEntries {
            guard specialtyById.updateValue(entry, forKey: entry.id) == nil else {
                throw error(specialties, line, "specialty \(entry.id) given twice")
            }
        }
        for (line, entry) in specialtyEntries {
            if let surgical = entry.surgical, specialtyById[surgical] == nil {
                throw error(specialties, line, "unknown surgical specialty \(surgical)")
            }
            var chain: [String] = [entry.id]
            while let next = specialtyById[chain.last!]?.fallback {
                guard specialtyById[next] != nil else { throw error(specialties, line, "unknown fallback specialty \(next)") }
                guard !chain.contains(next) else {
                    throw error(specialties, line, "fallback chain loops: \(chain.joined(separator: " → ")) → \(next)")
                }
                chain.append(next)
            }
        }
        let normalizer = TextNormalizer(simplified: try characterForms())
        var phrases: [String: (file: String, line: Int)] = [:]
        func claim(_ say: [String: [String]], file: KnowledgeFile, line: Int) throws {
            for (language, list) in say {
                guard language == "zh" || language == "en" else { throw error(file, line, "unknown language \(language)") }
                for phrase in list {
                    let key = String(normalizer.normalize(phrase))
                    guard !key.trimmingCharacters(in: .whitespaces).isEmpty else { throw error(file, line, "an empty phrase") }
                    // Two spellings of one entry may read the same (blister, blisters): only another entry's is a clash.
                    if let earlier = phrases[key], earlier != (file.name, line) {
                        throw error(file, line, "\"\(phrase)\" is already said by \(earlier.file):\(earlier.line)")
                    }
                    phrases[key] = (file.name, line)
                }
            }
        }
        let conceptEntries = try concepts.entries(Concept.self)
        var conceptById: [String: Concept] = [:]
        for (line, concept) in conceptEntries {
            guard conceptById.updateValue(concept, forKey: concept.id) == nil else {
                throw error(concepts, line, "concept \(concept.id) given twice")
            }
            try claim(concept.say, file: concepts, line: line)
            for specialty in (concept.specialties ?? [:]).keys where specialtyById[specialty] == nil {
                throw error(concepts, line, "unknown specialty \(specialty)")
            }
        }
        var compositions: [String: String] = [:]
        for (line, concept) in conceptEntries {
            for pair in concept.from ?? [] {
                guard pair.count == 2, let site = conceptById[pair[0]], site.kind != .quality, conceptById[pair[1]]?.kind == .quality else {
                    throw error(concepts, line, "\"from\" pairs a site (or another concept) with a quality: \(pair)")
                }
                let key = pair.joined(separator: "|")
                if let other = compositions[key] { throw error(concepts, line, "\(key) already composes \(other)") }
                compositions[key] = concept.id
            }
        }
        for (line, concept) in conceptEntries {
            if let alone = concept.alone, concept.kind != .quality || conceptById[alone] == nil {
                throw error(concepts, line, "\"alone\" names a concept, on a quality")
            }
            if concept.record == true, concept.kind != .finding {
                throw error(concepts, line, "\"record\" is for findings (a record names them)")
            }
            if let parts = concept.allOf, parts.count < 2 || parts.contains(where: { conceptById[$0] == nil || $0 == concept.id }) {
                throw error(concepts, line, "\"allOf\" names two or more other concepts")
            }
            if let lasting = concept.lasting, conceptById[lasting.concept] == nil || lasting.days <= 0 {
                throw error(concepts, line, "\"lasting\" names a concept and a number of days above 0")
            }
        }
        let cueEntries = try cues.entries(Cue.self)
        for (line, cue) in cueEntries {
            try claim(cue.say, file: cues, line: line)
            if let quality = cue.quality, conceptById[quality]?.kind != .quality { throw error(cues, line, "\"quality\" names a quality concept") }
        }
        let questionEntries = try questions.entries(Question.self)
        var questionById: [String: Question] = [:]
        for (line, question) in questionEntries {
            guard questionById.updateValue(question, forKey: question.id) == nil else {
                throw error(questions, line, "question \(question.id) given twice")
            }
        }
        let ruleEntries = try redFlags.entries(RedFlagRule.self)
        for (line, rule) in ruleEntries {
            guard !rule.all.isEmpty else { throw error(redFlags, line, "a rule needs at least one finding in \"all\"") }
            for finding in rule.all + (rule.any ?? []) where conceptById[finding] == nil { throw error(redFlags, line, "unknown concept \(finding)") }
            guard rule.level == "emergency" else { throw error(redFlags, line, "a red flag's level is emergency (others go in levels.jsonl)") }
            if let ask = rule.ask, questionById[ask] == nil { throw error(redFlags, line, "unknown question \(ask)") }
            for name in rule.when?.anyOf ?? [] where !Self.conditionNames.contains(name) { throw error(redFlags, line, "unknown condition \(name)") }
        }
        let levelEntries = try levels.entries(LevelRule.self)
        for (line, rule) in levelEntries {
            guard ["urgent", "self_care"].contains(rule.level) else { throw error(levels, line, "level is urgent or self_care") }
            let findings = (rule.all ?? []) + (rule.any ?? []) + (rule.only ?? [])
            guard !findings.isEmpty else { throw error(levels, line, "a rule needs findings in \"all\", \"any\" or \"only\"") }
            for finding in findings where conceptById[finding] == nil { throw error(levels, line, "unknown concept \(finding)") }
            for name in (rule.when?.anyOf ?? []) + (rule.unless ?? []) where !Self.conditionNames.contains(name) {
                throw error(levels, line, "unknown condition \(name)")
            }
        }
        let measureEntries = try measures.entries(Measure.self)
        for (line, measure) in measureEntries {
            for concept in measure.after + measure.ranges.map(\.concept) where conceptById[concept] == nil {
                throw error(measures, line, "unknown concept \(concept)")
            }
            guard measure.plausible.count == 2, measure.plausible[0] <= measure.plausible[1] else {
                throw error(measures, line, "\"plausible\" is [lowest, highest]")
            }
            guard !measure.after.isEmpty || !(measure.anchors ?? [:]).isEmpty else {
                throw error(measures, line, "a measure needs \"after\" concepts or \"anchors\"")
            }
            guard !measure.ranges.isEmpty, measure.ranges.allSatisfy({ $0.atLeast != nil || $0.atMost != nil }), measure.within > 0 else {
                throw error(measures, line, "a measure needs \"within\" and ranges with \"atLeast\" or \"atMost\"")
            }
        }
        return ClinicalKnowledge(
            concepts: conceptById, cues: cueEntries.map(\.entry), redFlags: ruleEntries.map(\.entry),
            levels: levelEntries.map(\.entry), questions: questionById,
            specialties: specialtyById, measures: measureEntries.map(\.entry), compositions: compositions,
            normalizer: normalizer)
    }

    private func characterForms() throws -> [Character: Character] {
        var map: [Character: Character] = [:]
        for (line, form) in try characters.entries(CharacterForm.self) {
            let from = Array(form.traditional), to = Array(form.simplified)
            guard from.count == to.count, !from.isEmpty else { throw error(characters, line, "traditional and simplified must be as long") }
            for (a, b) in zip(from, to) where a != b { map[a] = b }
        }
        return map
    }

    private func error(_ file: KnowledgeFile, _ line: Int, _ message: String) -> KnowledgeError {
        KnowledgeError(file: file.name, line: line, message: message)
    }
}
