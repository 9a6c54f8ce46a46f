/// Words that tell who is ill, how bad it is, and where the patient wants to go.
enum Cues {
    static let child = [
        "孩子", "宝宝", "儿子", "女儿", "小孩", "婴儿", "宝贝", "小朋友", "新生儿", "娃", "幼儿", "闺女", "小儿", "患儿",
        "my son", "my daughter", "my baby", "my child", "my kid", "toddler", "infant", "newborn", "baby",
    ]
    static let elderly = [
        "老人", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "老父亲", "老母亲", "老伴", "老年",
        "grandfather", "grandmother", "grandpa", "grandma", "elderly", "my father is 8", "my mother is 8",
    ]
    static let severe = [
        "剧烈", "严重", "很厉害", "特别疼", "特别痛", "疼得厉害", "痛得厉害", "受不了", "最严重", "从来没有这么", "撕裂", "压榨", "要命", "剧痛",
        "severe", "worst", "unbearable", "excruciating", "terrible", "crushing", "really bad", "very bad",
    ]
    static let sudden = ["突然", "忽然", "猛地", "一下子", "sudden", "suddenly", "all of a sudden"]

    static let places: [(kind: String, words: [String])] = [
        ("pharmacy", ["药房", "取药", "拿药", "pharmacy", "medicine counter", "pick up my medicine"]),
        ("payment", ["缴费", "交费", "收费", "付款", "付费", "pay", "cashier", "payment"]),
        ("laboratory", ["抽血", "化验", "检验", "验血", "验尿", "laboratory", "lab", "blood test"]),
        ("radiology", ["放射", "拍片", "x光", "ct室", "做ct", "核磁", "radiology", "x-ray", "ct scan", "mri"]),
        ("ultrasound", ["b超", "超声", "彩超", "ultrasound"]),
        ("registration", ["挂号处", "挂号窗口", "registration desk", "front desk"]),
        ("emergency", ["急诊科在", "急诊在", "emergency department", "emergency room", "a&e", "er "]),
    ]
}
