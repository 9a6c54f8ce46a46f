import ArgumentParser
import Foundation
import ModelRuntime

struct DraftRecords: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft outpatient records from consultations, one per line, and write one draft per line.",
        discussion: "Example: companion draft --input ../shared/data/record_drafting_zh.dev.jsonl > drafts.jsonl")

    @Option(help: "Consultations, one JSON object per line: {\"id\",\"lang\",\"dialogue\":[{\"speaker\",\"text\"}]}.")
    var input: String

    @Option(help: "zh-outpatient or en-soap; by default the consultation's language decides.")
    var template: String?

    @Option(help: "builtin (default) or model (an OpenAI-compatible server, see --model-url).")
    var engine = "builtin"

    @OptionGroup var model: ModelOptions

    func run() async throws {
        let consultations = try Consultation.readLines(try Data(contentsOf: URL(fileURLWithPath: input)))
        let chosen = try template.map { name in
            guard let value = DraftTemplate(rawValue: name) else { throw ValidationError("--template must be zh-outpatient or en-soap") }
            return value
        }
        let drafter = try model.engine(named: engine)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for consultation in consultations {
            let draft = try await drafter.draft(DraftRequest(transcript: consultation.transcript, template: chosen ?? consultation.template))
            let omissions = OmissionCheck.omissions(in: draft.sections, of: consultation.transcript, template: draft.template)
            var line = try encoder.encode(DraftLine(id: consultation.id, draft: draft, omissions: omissions))
            line.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(line)
        }
    }

    private struct DraftLine: Encodable {
        let id: String
        let draft: Draft
        /// What the consultation says that the draft leaves out.
        let omissions: [Omission]
    }
}

struct EvalDrafts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-drafts",
        abstract:
            "Draft every consultation of a file and print ROUGE-L against its reference, and fact recall and fact errors against its facts, per section.",
        discussion: """
            ROUGE-L compares Chinese character by character, English word by word. Facts: the project's own set (fixtures/drafting). \
            Example: companion eval-drafts --input ../shared/data/record_drafting_zh.dev.jsonl
            """
    )

    @Option(help: "Consultations with references, one JSON object per line.")
    var input: String

    @Option(help: "builtin (default) or model.")
    var engine = "builtin"

    @Flag(help: "List the facts missed and wrong (development sets only: never read a test set's).")
    var misses = false

    @OptionGroup var model: ModelOptions

    func run() async throws {
        let consultations = try Consultation.readLines(try Data(contentsOf: URL(fileURLWithPath: input)))
        let drafter = try model.engine(named: engine)
        var evaluations: [DraftTemplate: DraftEvaluation] = [:]
        var factChecks: [DraftTemplate: FactCheck] = [:]
        for consultation in consultations where consultation.reference != nil || consultation.facts != nil {
            let draft = try await drafter.draft(DraftRequest(transcript: consultation.transcript, template: consultation.template))
            if let reference = consultation.reference {
                evaluations[consultation.template, default: DraftEvaluation(template: consultation.template)].add(draft, reference: reference)
            }
            if let facts = consultation.facts {
                factChecks[consultation.template, default: FactCheck()].add(
                    draft, id: consultation.id, facts: facts, never: consultation.never ?? [:])
            }
        }
        printRouge(evaluations, engine: drafter.info.name)
        for (template, check) in factChecks.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("\(template.rawValue) (\(drafter.info.name)), facts of \(check.consultations) consultations:")
            for row in check.perSection {
                let share = row.expected == 0 ? 0 : 100 * Double(row.recalled) / Double(row.expected)
                print(
                    "  \(row.section.padding(toLength: 20, withPad: " ", startingAt: 0)) \(row.recalled)/\(row.expected) \(String(format: "(%.1f%%)", share))  errors \(row.errors)"
                )
            }
            print(
                "  recall \(String(format: "%.1f%%", 100 * check.recall)), errors \(check.errorCount), statements without evidence \(check.statementsWithoutEvidence)"
            )
            if misses {
                for miss in check.misses { print("  \(miss.wrong ? "WRONG" : "missed") \(miss.consultation) \(miss.section): \(miss.fact)") }
            }
        }
    }

    private func printRouge(_ evaluations: [DraftTemplate: DraftEvaluation], engine: String) {
        for (template, evaluation) in evaluations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("\(template.rawValue) (\(engine)), ROUGE-L F1 (\(evaluation.language == "zh" ? "characters" : "words")):")
            for section in evaluation.perSection {
                print(
                    "  \(section.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%.3f", section.f1))  (\(section.count) scored)"
                )
            }
            print("  \("overall".padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%.3f", evaluation.overall))")
            print("  \("whole note".padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%.3f", evaluation.wholeNote))")
            print(
                "  \("whole note, Lsum".padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%.3f", evaluation.wholeNoteSummaryLevel))"
            )
        }
    }
}
