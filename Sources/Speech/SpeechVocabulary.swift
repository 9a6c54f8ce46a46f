/// Words the normaliser says out: units after numbers, letters, symbols.
enum SpeechVocabulary {
    /// A unit written after a number, and how it is said. Longest first, so "mmHg" wins over "mm".
    struct Unit {
        let written: String
        let zh: String
        let en: String
        let enSingular: String
    }

    static let units: [Unit] = [
        Unit(written: "mmol/L", zh: "毫摩尔每升", en: "millimoles per liter", enSingular: "millimole per liter"),
        Unit(written: "次/分钟", zh: "次每分钟", en: "per minute", enSingular: "per minute"),
        Unit(written: "次/分", zh: "次每分", en: "per minute", enSingular: "per minute"),
        Unit(written: "mmHg", zh: "毫米汞柱", en: "millimeters of mercury", enSingular: "millimeter of mercury"),
        Unit(written: "kcal", zh: "千卡", en: "kilocalories", enSingular: "kilocalorie"),
        Unit(written: "bpm", zh: "次每分", en: "beats per minute", enSingular: "beat per minute"),
        Unit(written: "mcg", zh: "微克", en: "micrograms", enSingular: "microgram"),
        Unit(written: "min", zh: "分钟", en: "minutes", enSingular: "minute"),
        Unit(written: "°C", zh: "摄氏度", en: "degrees Celsius", enSingular: "degree Celsius"),
        Unit(written: "°F", zh: "华氏度", en: "degrees Fahrenheit", enSingular: "degree Fahrenheit"),
        Unit(written: "mg", zh: "毫克", en: "milligrams", enSingular: "milligram"),
        Unit(written: "μg", zh: "微克", en: "micrograms", enSingular: "microgram"),
        Unit(written: "ug", zh: "微克", en: "micrograms", enSingular: "microgram"),
        Unit(written: "kg", zh: "公斤", en: "kilograms", enSingular: "kilogram"),
        Unit(written: "ml", zh: "毫升", en: "milliliters", enSingular: "milliliter"),
        Unit(written: "mL", zh: "毫升", en: "milliliters", enSingular: "milliliter"),
        Unit(written: "cm", zh: "厘米", en: "centimeters", enSingular: "centimeter"),
        Unit(written: "mm", zh: "毫米", en: "millimeters", enSingular: "millimeter"),
        Unit(written: "km", zh: "公里", en: "kilometers", enSingular: "kilometer"),
        Unit(written: "IU", zh: "国际单位", en: "international units", enSingular: "international unit"),
        Unit(written: "℃", zh: "摄氏度", en: "degrees Celsius", enSingular: "degree Celsius"),
        Unit(written: "℉", zh: "华氏度", en: "degrees Fahrenheit", enSingular: "degree Fahrenheit"),
        Unit(written: "°", zh: "度", en: "degrees", enSingular: "degree"),
        Unit(written: "g", zh: "克", en: "grams", enSingular: "gram"),
        Unit(written: "L", zh: "升", en: "liters", enSingular: "liter"),
        Unit(written: "h", zh: "小时", en: "hours", enSingular: "hour"),
    ]

    /// Latin letters as Mandarin speakers name them, so "CT", "B超" and "ICU" stay Mandarin (西提, 比超, 艾西优)
    /// instead of switching the voice to English for a letter.
    static let chineseLetterNames: [Character: String] = [
        "A": "诶", "B": "比", "C": "西", "D": "迪", "E": "伊", "F": "艾弗", "G": "吉", "H": "艾尺", "I": "艾",
        "J": "杰", "K": "开", "L": "艾勒", "M": "艾姆", "N": "恩", "O": "欧", "P": "批", "Q": "丘", "R": "艾儿",
        "S": "艾丝", "T": "提", "U": "优", "V": "维", "W": "达布溜", "X": "艾克斯", "Y": "歪", "Z": "贼德",
    ]

    /// Capitalised abbreviations read as words in English rather than letter by letter.
    static let englishAcronymsReadAsWords: [String: String] = [
        "OK": "okay", "COVID": "covid", "AIDS": "aids", "SARS": "sars", "NHS": "N H S",
    ]

    /// Symbols said as words when they stand between other things.
    static let symbols: [Character: (zh: String, en: String)] = [
        "&": ("和", "and"), "+": ("加", "plus"), "=": ("等于", "equals"), "×": ("乘", "times"), "÷": ("除以", "divided by"),
    ]

    /// Punctuation that ends a sentence or a clause, as the pause mark espeak-ng understands.
    static let pauses: [Character: String] = [
        "。": ".", ".": ".", "!": "!", "！": "!", "?": "?", "？": "?", "\n": ".",
        "，": ",", ",": ",", "、": ",", "；": ";", ";": ";", "：": ",", ":": ",", "…": ",", "—": ",", "–": ",",
        "(": ",", ")": ",", "（": ",", "）": ",", "【": ",", "】": ",", "[": ",", "]": ",", "|": ",",
    ]

    /// Marks and markup with nothing to say.
    static let silent: Set<Character> = [
        "*", "_", "`", "#", "~", "^", "\\", "{", "}", "<", ">", "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』",
        "《", "》", "〈", "〉", "@", "·", "•", "/", "-", "%",
    ]
}
