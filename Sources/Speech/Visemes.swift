/// The mouth shapes the avatar draws, one per group of sounds that look alike on the lips. The set and its ids are
/// the common 15-shape set used by avatar runtimes (silence, five consonant groups by place, two for sibilants,
/// nasals and r, five vowels), so the phone team can map ids to blend shapes once.
///
/// | id | name | sounds |
/// |---|---|---|
/// | 0 | sil | silence, pauses |
/// | 1 | PP | p b m |
/// | 2 | FF | f v |
/// | 3 | TH | th (thin, this) |
/// | 4 | DD | t d |
/// | 5 | kk | k g h, Mandarin h (x), ng |
/// | 6 | CH | ch j sh zh, Mandarin zh ch sh r j q x |
/// | 7 | SS | s z, Mandarin z c s |
/// | 8 | nn | n l |
/// | 9 | RR | English r, Mandarin er |
/// | 10 | aa | a (father, 八) |
/// | 11 | E | e, schwa (bed, about, 额) |
/// | 12 | ih | i, y (see, 一, 鱼) |
/// | 13 | oh | o (go, 哦) |
/// | 14 | ou | u, w (you, 五) |
public enum Viseme: Int, Sendable, CaseIterable {
    case sil = 0, PP, FF, TH, DD, kk, CH, SS, nn, RR, aa, E, ih, oh, ou

    /// The viseme of an espeak-ng phoneme mnemonic, by the language's table; a mnemonic the table lacks is placed
    /// by its first letter, so a new espeak-ng release degrades to a near shape rather than none.
    public static func of(phoneme name: String, language: SpeechLanguage) -> Viseme {
        let table = language == .zh ? mandarin : english
        if let viseme = table[name] { return viseme }
        if name.hasPrefix("_") || name.isEmpty { return .sil }
        return byFirstLetter[name.first!] ?? .E
    }

    /// espeak-ng's `cmn` phonemes (pinyin in brackets).
    static let mandarin: [String: Viseme] = [
        "_": .sil, "_:": .sil, "_|": .sil, ";": .sil,
        "p": .PP, "ph": .PP, "m": .PP,  // b p m
        "f": .FF,
        "t": .DD, "th": .DD,  // d t
        "n": .nn, "l": .nn,
        "k": .kk, "kh": .kk, "X": .kk, "N": .kk,  // g k h, ng
        "tS;": .CH, "tS;h": .CH, "S;": .CH,  // j q x
        "ts.": .CH, "ts.h": .CH, "s.": .CH, "z.": .CH,  // zh ch sh r
        "ts": .SS, "tsh": .SS, "s": .SS,  // z c s
        "@r": .RR,  // er
        "a": .aa, "A": .aa, "ai": .aa, "Au": .aa,
        "@": .E, "o-": .E, "ei": .E, "iE": .E, "yE": .E, "y&": .E, "y@": .E,
        "i": .ih, "i.": .ih, "i[": .ih, "iA": .ih, "y": .ih, "yu": .ih, "j": .ih,
        "o": .oh, "ou": .oh, "iou": .oh,
        "u": .ou, "u@": .ou, "w": .ou,
    ]

    /// espeak-ng's English phonemes (the `en-us` voice).
    static let english: [String: Viseme] = [
        "_": .sil, "_:": .sil, "_|": .sil, "?": .sil,
        "p": .PP, "b": .PP, "m": .PP,
        "f": .FF, "v": .FF,
        "T": .TH, "D": .TH,
        "t": .DD, "d": .DD, "t#": .DD,
        "k": .kk, "g": .kk, "h": .kk, "N": .kk,
        "tS": .CH, "dZ": .CH, "S": .CH, "Z": .CH,
        "s": .SS, "z": .SS,
        "n": .nn, "n-": .nn, "l": .nn,
        "r": .RR, "r-": .RR, "3": .RR, "3:": .RR,
        "a": .aa, "a#": .aa, "A:": .aa, "aI": .aa, "aU": .aa, "V": .aa,
        "E": .E, "@": .E, "@2": .E, "e@": .E, "eI": .E, "0": .oh,
        "i": .ih, "i:": .ih, "I": .ih, "i@3": .ih, "j": .ih,
        "O:": .oh, "OI": .oh, "oU": .oh, "o@": .oh,
        "U": .ou, "u:": .ou, "U@": .ou, "w": .ou,
    ]

    private static let byFirstLetter: [Character: Viseme] = [
        "p": .PP, "b": .PP, "m": .PP, "f": .FF, "v": .FF, "T": .TH, "D": .TH, "t": .DD, "d": .DD,
        "k": .kk, "g": .kk, "h": .kk, "x": .kk, "X": .kk, "N": .kk, "S": .CH, "Z": .CH, "s": .SS, "z": .SS,
        "n": .nn, "l": .nn, "r": .RR, "R": .RR, "a": .aa, "A": .aa, "V": .aa, "e": .E, "E": .E, "@": .E, "3": .RR,
        "i": .ih, "I": .ih, "y": .ih, "j": .ih, "o": .oh, "O": .oh, "0": .oh, "u": .ou, "U": .ou, "w": .ou,
    ]
}
