import ArgumentParser
import Dialogue
import Foundation
import Scheduling

struct EvalTriage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-triage",
        abstract:
            "Triage every first message of a file and print department accuracy, a per-department table, confusions, red-flag recall and false alarms.",
        discussion: """
            Lines are {"text", "department"} (the demo hospital's department id) or {"text", "redFlag": true|false}. \
            Example: companion eval-triage --input fixtures/triage/departments.test.jsonl --input fixtures/triage/red-flags.test.jsonl
            """)

    @Option(help: "Labelled first messages, one JSON object per line (repeat for several files).")
    var input: [String]

    @Option(help: "builtin (default) or model (the conversation's model engine on an OpenAI-compatible server, see --model-url).")
    var engine = "builtin"

    @Flag(help: "List every miss.")
    var misses = false

    @OptionGroup var model: ModelOptions

    func run() async throws {
        let understanding = try model.understanding(named: engine)
        var evaluation = TriageEvaluation(departments: try DemoHospital.departmentsBySpecialty(), understanding: understanding)
        for file in input {
            for item in try TriageCase.readLines(try Data(contentsOf: URL(fileURLWithPath: file))) { await evaluation.add(item) }
        }
        print(evaluation.report)
        if let model = understanding as? ModelUnderstanding {
            print("engine: \(model.engine); turns the model's answer was not used for (built-in reading instead): \(model.fallbacks)")
        }
        if misses { evaluation.misses.forEach { print("MISS", $0) } }
    }
}
