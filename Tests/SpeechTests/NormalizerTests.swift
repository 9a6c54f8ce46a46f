import Testing
@testable import Speech

/// What the voice reads for what the companion writes.
struct NormalizerTests {
    let normalizer = SpeechNormalizer()

    static let chinese: [(String, String)] = [
        ("体温38.5℃", "体温三十八点五摄氏度"),
        ("体温 38.5 °C", "体温 三十八点五摄氏度"),
        ("血压120/80mmHg", "血压一百二十比八十毫米汞柱"),
        ("血压 120/80", "血压 一百二十比八十"),
        ("请9:30到", "请九点三十分到"),
        ("下午3点", "下午三点"),
        ("下午2点", "下午两点"),
        ("14:05", "十四点零五分"),
        ("2026-11-29", "二零二六年十一月二十九日"),
        ("2026年11月29日", "二零二六年十一月二十九日"),
        ("11月29日", "十一月二十九日"),
        ("电话13812345678", "电话幺三八幺二三四五六七八"),
        ("请拨打120", "请拨打幺二零"),
        ("总机010-12345678", "总机零幺零，幺二三四五六七八"),
        ("阿莫西林500mg", "阿莫西林五百毫克"),
        ("喝水200ml", "喝水二百毫升"),
        ("称重5g", "称重五克"),
        ("心率80次/分", "心率八十次每分"),
        ("做CT", "做西提"),
        ("做B超", "做比超"),
        ("住ICU", "住艾西优"),
        ("MRI检查", "艾姆艾儿艾检查"),
        ("拍X光", "拍艾克斯光"),
        ("有效率95%", "有效率百分之九十五"),
        ("3-5天", "三到五天"),
        ("2个", "两个"),
        ("2楼", "二楼"),
        ("第10086号", "第一万零八十六号"),
        ("1,000元", "一千元"),
        ("105", "一百零五"),
        ("15", "十五"),
        ("好的😊", "好的"),
        ("**请空腹**", "请空腹"),
        ("您好！请到三楼。", "您好! 请到三楼. "),
        ("您好，请稍等……", "您好, 请稍等, "),
        ("挂号费：50元", "挂号费, 五十元"),
        ("详见[说明](https://example.com/a)", "详见说明"),
        ("a\u{0007}b", "ab"),
        ("１２３元", "一百二十三元"),
    ]

    @Test(arguments: chinese)
    func chineseIsReadTheChineseWay(written: String, spoken: String) {
        #expect(normalizer.normalize(written, language: .zh).text == spoken)
    }

    static let english: [(String, String)] = [
        ("Temperature 38.5°C", "Temperature thirty-eight point five degrees Celsius"),
        ("BP 120/80 mmHg", "B P one hundred twenty over eighty millimeters of mercury"),
        ("at 9:30", "at nine thirty"),
        ("at 9:00", "at nine o'clock"),
        ("at 9:05 am", "at nine oh five a m"),
        ("on 2026-11-29", "on November twenty-ninth, twenty twenty-six"),
        ("call 120", "call one two zero"),
        ("take 1 mg", "take one milligram"),
        ("take 500mg", "take five hundred milligrams"),
        ("a CT scan", "a C T scan"),
        ("95% sure", "ninety-five percent sure"),
        ("3-5 days", "three to five days"),
        ("1,250 yuan", "one thousand two hundred fifty yuan"),
        ("OK 👍", "okay "),
        ("Hi! Wait.", "Hi! Wait. "),
    ]

    @Test(arguments: english)
    func englishIsReadTheEnglishWay(written: String, spoken: String) {
        #expect(normalizer.normalize(written, language: .en).text == spoken)
    }

    @Test func rewrittenStretchesMapBackToTheWholeOriginal() {
        let spoken = normalizer.normalize("体温38.5℃。", language: .zh)
        // "五" (inside 三十八点五摄氏度) stands for all of "38.5℃".
        let five = Array(spoken.text.unicodeScalars).firstIndex(of: "五")!
        #expect(spoken.originalRange(ofSpoken: five..<(five + 1)) == 2..<7)
        // "温" is copied, so it maps to itself.
        #expect(spoken.originalRange(ofSpoken: 1..<2) == 1..<2)
    }

    @Test func onlyEmojiAndMarkupLeaveNothingToSay() {
        #expect(normalizer.normalize("😊👍 **", language: .zh).isSilent)
        #expect(!normalizer.normalize("好", language: .zh).isSilent)
    }
}
