extension ParamValue {
    /// The value as canonical JSON: one text per value, so that equal params hash equally.
    ///
    /// - No whitespace; map keys sorted by their UTF-8 bytes.
    /// - Strings escape `"`, `\` and control characters (`\n`, `\t`, `\r`, `\b`, `\f`, else `\u00XX`);
    ///   everything else is written as UTF-8.
    /// - Ints in decimal. Doubles from their shortest round-trip digits: positional with at least one
    ///   fractional digit (`0.5`, `2.0`, `0.01`), except that a number below 1 whose exponent form is
    ///   strictly shorter is written in it (`3e-4`, `1e-3`, `2.5e-7`), and so is one of 1e16 or more
    ///   (`1e16`). `-0.0` is written `0.0`.
    public var canonicalJSON: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += Self.canonicalNumber(value)
        case .string(let value): Self.writeString(value, to: &out)
        case .list(let values):
            out += "["
            for (index, value) in values.enumerated() {
                if index > 0 { out += "," }
                value.write(to: &out)
            }
            out += "]"
        case .map(let entries):
            out += "{"
            for (index, key) in Self.sortedKeys(entries.keys).enumerated() {
                if index > 0 { out += "," }
                Self.writeString(key, to: &out)
                out += ":"
                entries[key]!.write(to: &out)
            }
            out += "}"
        }
    }

    /// Keys in UTF-8 byte order (independent of locale and of Unicode normalisation).
    static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func writeString(_ string: String, to out: inout String) {
        out += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// The canonical text of a double (see ``canonicalJSON``). Non-finite values, which parsing rejects,
    /// are written as the JSON strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
    static func canonicalNumber(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        if value == 0 { return "0.0" }
        let sign = value < 0 ? "-" : ""
        let (digits, exponent) = shortestDigits(value.magnitude)
        let exponential =
            String(digits.first!) + (digits.count > 1 ? "." + digits.dropFirst() : "")
            + "e" + String(exponent)
        let positional: String
        if exponent >= 0 {
            let whole =
                digits.count > exponent + 1
                ? String(digits.prefix(exponent + 1))
                : digits + String(repeating: "0", count: exponent + 1 - digits.count)
            let fraction = digits.count > exponent + 1 ? String(digits.dropFirst(exponent + 1)) : "0"
            positional = whole + "." + fraction
        } else {
            positional = "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        if exponent >= 16 || (exponent < 0 && exponential.count < positional.count) {
            return sign + exponential
        }
        return sign + positional
    }

    /// The shortest round-trip significant digits of a positive finite double (no leading or trailing
    /// zeros) and the decimal exponent `e` with value = d.ddd × 10^e.
    static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        // Swift's description is the shortest text that round-trips: "0.0003", "1e-05", "1.5e+16", "123.25".
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let all = Array(whole + fraction)
        let firstNonZero = all.firstIndex(where: { $0 != "0" }) ?? 0
        var digits = all[firstNonZero...]
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        return (String(digits), exponent + whole.count - 1 - firstNonZero)
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
