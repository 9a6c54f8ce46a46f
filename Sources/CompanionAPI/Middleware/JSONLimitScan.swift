import Storage

/// One pass over a JSON body's bytes that builds none of its values: the paths of its nulls, and where it breaks the
/// limits of a shape (a string past `maxLength` code points, an array past `maxItems`). Linear in the body's length;
/// nesting is kept on a heap stack, so a deeply nested body cannot exhaust the thread's stack. Paths are written only
/// for what is reported (at most `reported` of each kind).
struct JSONLimitScan {
    /// What a body breaks, in the order met.
    struct Findings: Equatable {
        var nulls: [String] = []
        var violations: [FieldError] = []
    }

    static let reported = 20

    private struct Container {
        let isObject: Bool
        let shape: ParameterLimits.Shape?
        /// How many values it has opened so far.
        var items = 0
        var key = ""
    }

    private var bytes: UnsafeRawBufferPointer
    private var at = 0
    private var stack: [Container] = []
    private var findings = Findings()

    /// The findings in `body` held to `shape` (nil: only nulls are looked for); nil when the body is not JSON.
    static func scan(_ body: UnsafeRawBufferPointer, shape: ParameterLimits.Shape?) -> Findings? {
        var scan = JSONLimitScan(bytes: body)
        return scan.value(shape) && scan.end() ? scan.findings : nil
    }

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Reads one whole value, containers included, iteratively.
    private mutating func value(_ shape: ParameterLimits.Shape?) -> Bool {
        var shape = shape
        while true {
            guard let byte = next() else { return false }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                stack.append(Container(isObject: isObject, shape: shape))
                let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if peek() == close {
                    at += 1
                    closeContainer()
                } else {
                    guard let child = openChild() else { return false }
                    shape = child
                    continue
                }
            case UInt8(ascii: "\""):
                guard let length = string(keeping: false).length else { return false }
                if case .string(let maxLength)? = shape, length > maxLength {
                    report(violation: "at most \(maxLength) characters")
                }
            case UInt8(ascii: "n"): guard literal("ull") else { return false }; reportNull()
            case UInt8(ascii: "t"): guard literal("rue") else { return false }
            case UInt8(ascii: "f"): guard literal("alse") else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): number()
            default: return false
            }
            // After a value: the next one in its container, or the container's end, until back at the top.
            while let top = stack.last {
                guard let separator = next() else { return false }
                if separator == UInt8(ascii: ",") {
                    guard let child = openChild() else { return false }
                    shape = child
                    break
                }
                guard separator == (top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                closeContainer()
            }
            if stack.isEmpty { return true }
        }
    }

    /// Enters the next value of the innermost container (after its key, in an object); its shape.
    private mutating func openChild() -> ParameterLimits.Shape?? {
        stack[stack.count - 1].items += 1
        let top = stack[stack.count - 1]
        if top.isObject {
            guard next() == UInt8(ascii: "\""), let key = string(keeping: true).text, next() == UInt8(ascii: ":") else { return nil }
            stack[stack.count - 1].key = key
            if case .object(let properties)? = top.shape { return .some(properties[key]) }
            return .some(nil)
        }
        if case .array(let items, _)? = top.shape { return .some(items) }
        return .some(nil)
    }

    private mutating func closeContainer() {
        let closed = stack.removeLast()
        if case .array(_, let maxItems?)? = closed.shape, closed.items > maxItems { report(violation: "at most \(maxItems) items") }
    }

    private mutating func end() -> Bool {
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at == bytes.count
    }

    /// The next byte that is not white space, consumed.
    private mutating func next() -> UInt8? {
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            if !Self.isSpace(byte) { return byte }
        }
        return nil
    }

    private mutating func peek() -> UInt8? {
        while at < bytes.count, Self.isSpace(bytes[at]) { at += 1 }
        return at < bytes.count ? bytes[at] : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private mutating func literal(_ rest: StaticString) -> Bool {
        let count = rest.utf8CodeUnitCount
        guard at + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[at + offset] != rest.utf8Start[offset] { return false }
        at += count
        return true
    }

    private mutating func number() {
        while at < bytes.count, Self.isNumberByte(bytes[at]) { at += 1 }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Reads a string after its opening quote: its length in code points (a surrogate pair written as two `\u`
    /// escapes is one) and, when asked, its decoded text. nil length when it is not a valid JSON string.
    private mutating func string(keeping: Bool) -> (length: Int?, text: String?) {
        var length = 0
        var text: [UInt8] = []
        var pendingHigh: UInt32?
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            switch byte {
            case UInt8(ascii: "\""):
                if let pendingHigh, keeping { Self.append(pendingHigh, to: &text) }
                return (length, keeping ? String(decoding: text, as: UTF8.self) : nil)
            case UInt8(ascii: "\\"):
                guard let scalar = escape() else { return (nil, nil) }
                if (0xD800...0xDBFF).contains(scalar) {
                    if let high = pendingHigh, keeping { Self.append(high, to: &text) }
                    pendingHigh = scalar
                    length += 1
                    continue
                }
                if let high = pendingHigh, (0xDC00...0xDFFF).contains(scalar) {
                    if keeping { Self.append(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00), to: &text) }
                } else {
                    if let high = pendingHigh, keeping { Self.append(high, to: &text) }
                    length += 1
                    if keeping { Self.append(scalar, to: &text) }
                }
            case 0..<0x20:
                return (nil, nil)
            default:
                if let high = pendingHigh, keeping { Self.append(high, to: &text) }
                if byte & 0xC0 != 0x80 { length += 1 }
                if keeping { text.append(byte) }
            }
            pendingHigh = nil
        }
        return (nil, nil)
    }

    /// The scalar an escape after a backslash stands for (a surrogate half as it is); nil when it is not JSON.
    private mutating func escape() -> UInt32? {
        guard at < bytes.count else { return nil }
        let escaped = bytes[at]
        at += 1
        switch escaped {
        case UInt8(ascii: "u"):
            guard at + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for byte in bytes[at..<at + 4] {
                guard let digit = Self.hexDigit(byte) else { return nil }
                code = code << 4 | digit
            }
            at += 4
            return code
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(escaped)
        default: return nil
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // A lone surrogate half is written as U+FFFD, as a decoder replaces it.
    private static func append(_ scalar: UInt32, to text: inout [UInt8]) {
        text.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
    }

    private mutating func reportNull() {
        guard findings.nulls.count < Self.reported else { return }
        let path = currentPath()
        findings.nulls.append(path.isEmpty ? "body" : path)
    }

    private mutating func report(violation message: String) {
        guard findings.violations.count < Self.reported else { return }
        findings.violations.append(FieldError(currentPath(), message))
    }

    /// Where the value being read sits, e.g. `turns[2].speaker`.
    private func currentPath() -> String {
        var path = ""
        for container in stack {
            if container.isObject {
                path += path.isEmpty ? container.key : "." + container.key
            } else {
                path += "[\(container.items - 1)]"
            }
        }
        return path
    }
}
