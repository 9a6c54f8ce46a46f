import Foundation

/// Draws a companion reply for a terminal: the text, cards as indented text, quick replies numbered.
public enum ReplyRenderer {
    /// The whole reply; without `text` when its sentences were already shown as they streamed.
    public static func render(_ reply: Components.Schemas.Reply, text: Bool = true) -> String {
        var lines = text ? ["助理 [\(reply.stage)]: \(reply.text)"] : ["  [\(reply.stage)]"]
        if let triage = reply.triage {
            lines.append(
                "  ┌ triage: \(triage.level) → \(triage.departmentName)"
                    + (triage.redFlags.isEmpty ? "" : " · red flags: \(triage.redFlags.joined(separator: ", "))"))
        }
        for card in reply.cards {
            lines.append("  ┌ [\(card._type)] \(card.title)")
            if card._type != "slots", let text = card.text { lines.append(contentsOf: text.split(separator: "\n").map { "  │ \($0)" }) }
            if let phone = card.phone { lines.append("  │ ☎ \(phone)") }
            for (index, slot) in (card.slots ?? []).enumerated() {
                lines.append(
                    "  │ \(index + 1). \(slot.date) \(slot.time) \(slot.doctorName) ¥\(String(format: "%g", slot.fee)), \(slot.remaining) left")
            }
        }
        for action in reply.actions { lines.append("  ✓ \(action._type)" + (action.appointmentId.map { " \($0)" } ?? "")) }
        if !reply.quickReplies.isEmpty {
            lines.append("  " + reply.quickReplies.enumerated().map { "(\($0.offset + 1)) \($0.element)" }.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    /// One sentence of a streamed reply, with its audio's length when it was spoken.
    public static func render(_ sentence: Components.Schemas.ReplySentence) -> String {
        "助理 ▸ \(sentence.text.trimmingCharacters(in: .whitespacesAndNewlines))" + (sentence.speech.map { "  ♪ \($0.durationMs) ms" } ?? "")
    }
}
