import Foundation
import Testing
@testable import ModelRuntime

struct PHIRedactorTests {
    @Test func identifiersBecomePlaceholdersAndComeBack() {
        var redactor = PHIRedactor(knownNames: ["李华"])
        let text = "李华的电话是13800138000，座机010-62345678，身份证11010519491231002X，病历号MZ2026001234，家住上海市浦东新区世纪大道100号。李华说发烧。"
        let redacted = redactor.redact(text)
        for secret in ["李华", "13800138000", "010-62345678", "11010519491231002X", "MZ2026001234", "世纪大道100号"] {
            #expect(!redacted.contains(secret), "\(secret) in \(redacted)")
        }
        #expect(redacted.components(separatedBy: "[NAME_1]").count == 3, "the same name gets the same placeholder")
        #expect(redactor.restore(redacted) == text)
        #expect(redacted.contains("发烧"))
    }

    @Test func eighteenDigitsWithoutAValidCheckDigitAreNotAnIDNumber() {
        #expect(PHIRedactor.hasValidCheckDigit("11010519491231002X"))
        #expect(!PHIRedactor.hasValidCheckDigit("110105194912310021"))
        var redactor = PHIRedactor()
        #expect(redactor.redact("订单号110105194912310021") == "订单号110105194912310021")
    }

    @Test func namesIntroducedInTheTextAreHiddenToo() {
        var redactor = PHIRedactor()
        let redacted = redactor.redact("我叫张伟，my name is Martha Jones, and I have a cough.")
        #expect(!redacted.contains("张伟") && !redacted.contains("Martha"))
        #expect(redacted.contains("cough"))
    }

    @Test func clinicalNumbersStay() {
        var redactor = PHIRedactor()
        let text = "体温38.5度，血压120/80，心率96次/分，布洛芬5ml每8小时一次。"
        #expect(redactor.redact(text) == text)
    }
}
