import Foundation
import Testing
@testable import Dialogue

/// The development part of the project's own triage set (fixtures/triage): what tuning may not lose. The frozen
/// test part is measured by `make eval` and reported in docs/conversation.md, never asserted or tuned on here.
struct ProjectTriageSetTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/triage")

    static func evaluate(_ file: String) async throws -> TriageEvaluation {
        var evaluation = TriageEvaluation(departments: DemoDepartments.bySpecialty)
        for item in try TriageCase.readLines(Data(contentsOf: folder.appendingPathComponent(file))) { await evaluation.add(item) }
        return evaluation
    }

    @Test func everyDevelopmentEmergencyIsCaughtAndNoNearMissAlarms() async throws {
        let evaluation = try await Self.evaluate("red-flags.dev.jsonl")
        #expect(evaluation.flagsTotal >= 150 && evaluation.nearMisses >= 70)
        #expect(evaluation.recall == 1, "\(evaluation.misses.joined(separator: "\n"))")
        #expect(evaluation.falseAlarms == 0, "\(evaluation.misses.joined(separator: "\n"))")
    }

    @Test func developmentDepartmentsAreRightNineTimesInTen() async throws {
        let evaluation = try await Self.evaluate("departments.dev.jsonl")
        for language in [Language.zh, .en] {
            #expect((evaluation.accuracy(language) ?? 0) >= 0.9, "\(language): \(evaluation.report)")
        }
    }
}
