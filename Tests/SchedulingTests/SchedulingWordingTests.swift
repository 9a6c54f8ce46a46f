import Scheduling
import Testing
import Wording

@Suite("Scheduling's refusals are worded in the catalog")
struct SchedulingWordingTests {
    @Test("every state a change can be refused for has its sentence in zh and en")
    func invalidStatesAreWorded() {
        for state in InvalidState.allCases {
            #expect(MessageCatalog.shipped.contains(state.rawValue), "\(state)")
            #expect(MessageCatalog.shipped.text(state.rawValue, "zh") != MessageCatalog.shipped.text(state.rawValue, "en"))
        }
    }
}
