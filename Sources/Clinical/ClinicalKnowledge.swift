import Foundation

/// The clinical knowledge the conversation and the record drafter read: concepts, cue words, red-flag rules,
/// questions, specialties and character forms, loaded from versioned JSON Lines files and validated as a whole. A
/// broken entry stops loading with its file and line.
public struct ClinicalKnowledge: Sendable {
    /// The version of the shipped knowledge files (change it with them).
    public static let version = "2026.12.8"

    public let concepts: [String: Concept]
    public let cues: [Cue]
    public let redFlags: [RedFlagRule]
    /// How soon when no red flag holds, first match wins (`levels.jsonl`).
    public let levels: [LevelRule]
    public let questions: [String: Question]
    public let specialties: [String: Specialty]
    /// Measurements written with their numbers (heart rate, temperature).
    public let measures: [Measure]
    /// Concept ids and site+quality pairs: `compositions["urination|pain"] == "dysuria"`.
    public let compositions: [String: String]
    /// Concepts said by a combination of others (`allOf`), by id, in id order.
    public let patterns: [(id: String, parts: [String])]
    public let normalizer: TextNormalizer

    /// The knowledge shipped with Companion.
    public static let shipped: ClinicalKnowledge = {
        do {
            return try load(from: shippedFolder)
        } catch {
            fatalError("the shipped clinical knowledge does not load: \(error)")
        }
    }()

    /// Where the shipped knowledge files are.
    public static var shippedFolder: URL { Bundle.module.resourceURL!.appendingPathComponent("Knowledge") }

    /// The files in `folder`: concepts.jsonl, cues.jsonl, red-flags.jsonl, questions.jsonl, specialties.jsonl,
    /// characters.jsonl, measures.jsonl, levels.jsonl.
    public static func load(from folder: URL) throws -> ClinicalKnowledge {
        func file(_ name: String) throws -> KnowledgeFile { try KnowledgeFile.read(name, in: folder) }
        return try KnowledgeValidator(
            concepts: try file("concepts.jsonl"), cues: try file("cues.jsonl"), redFlags: try file("red-flags.jsonl"),
            questions: try file("questions.jsonl"), specialties: try file("specialties.jsonl"), characters: try file("characters.jsonl"),
            measures: try file("measures.jsonl"), levels: try file("levels.jsonl")
        ).knowledge()
    }

    init(
        concepts: [String: Concept], cues: [Cue], redFlags: [RedFlagRule], levels: [LevelRule], questions: [String: Question],
        specialties: [String: Specialty], measures: [Measure], compositions: [String: String], normalizer: TextNormalizer
    ) {
        self.levels = levels
        self.measures = measures
        self.concepts = concepts
        self.cues = cues
        self.redFlags = redFlags
        self.questions = questions
        self.specialties = specialties
        self.compositions = compositions
        self.patterns = concepts.values.compactMap { concept in concept.allOf.map { (id: concept.id, parts: $0) } }.sorted { $0.id < $1.id }
        self.normalizer = normalizer
    }
}
