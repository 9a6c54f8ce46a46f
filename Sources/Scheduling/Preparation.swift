import Clinical
import Foundation

/// What to bring and how to prepare for a visit, in Chinese and English, from `Wording/preparation.jsonl`: the notes
/// for every visit, then those for the specialties the department covers.
public struct Preparation: Sendable {
    struct Note: Decodable, Sendable {
        let always: Bool?
        let specialties: [String]?
        let zh: String
        let en: String
    }

    let notes: [Note]

    /// The notes shipped with the module.
    public static let shipped: Preparation = {
        do {
            return try load(KnowledgeFile.read(fileName, in: Bundle.module.resourceURL!))
        } catch {
            fatalError("the shipped preparation notes do not load: \(error)")
        }
    }()

    static let fileName = "preparation.jsonl"

    /// The notes in `file`; a note needs its text in both languages and either `always` or some specialties.
    static func load(_ file: KnowledgeFile) throws -> Preparation {
        var notes: [Note] = []
        for (line, note) in try file.entries(Note.self) {
            guard !note.zh.isEmpty, !note.en.isEmpty else { throw KnowledgeError(file: file.name, line: line, message: "a note needs zh and en") }
            guard note.always == true || !(note.specialties ?? []).isEmpty else {
                throw KnowledgeError(file: file.name, line: line, message: "a note is for every visit (\"always\") or for some specialties")
            }
            notes.append(note)
        }
        return Preparation(notes: notes)
    }

    /// Notes for a department covering `specialties`, those for every visit first.
    public func notes(specialties: [String], english: Bool) -> [String] {
        notes.filter { $0.always == true || !Set($0.specialties ?? []).isDisjoint(with: specialties) }.map { english ? $0.en : $0.zh }
    }
}
