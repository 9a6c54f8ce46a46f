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

    @Option(help: "builtin (the only engine today).")
    var engine = "builtin"

    @Flag(help: "List every miss.")
    var misses = false

    func run() async throws {
        guard engine == "builtin" else { throw ValidationError("engine \(engine) is not available; use builtin") }
        var evaluation = TriageEvaluation(departments: try DemoHospital.departmentsBySpecialty())
        for file in input {
            for item in try TriageCase.readLines(try Data(contentsOf: URL(fileURLWithPath: file))) { evaluation.add(item) }
        }
        print(evaluation.report)
        if misses { evaluation.misses.forEach { print("MISS", $0) } }
    }
}
