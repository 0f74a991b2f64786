/// Writes JSON by hand into a byte buffer (no encoder per event): objects with keys in a chosen
/// order, strings with escaping (optionally `\uXXXX` for every non-ASCII scalar), integers, and
/// fixed-point decimals in the number spellings the raw contract allows (`25`, `25.0`, `2.5e1`).
struct JSONWriter {
    /// How a number with a fractional scale is spelled.
    enum NumberStyle {
        /// Shortest decimal: `25`, `0.81`, `129.99`.
        case plain
        /// Always with a fraction: `25.0`, `0.81`.
        case withFraction
        /// Scientific: `2.5e1`, `8.1e-1`.
        case exponent
    }

    /// The bytes written so far.
    var bytes: [UInt8] = []
    /// Whether separators get a space after them (`{"a": 1, "b": 2}`), else compact.
    var spaced = false
    /// Whether strings escape every non-ASCII scalar as `\uXXXX`.
    var escapeNonASCII = false
    private var first = true

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Starts an object.
    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    /// Ends an object.
    mutating func close() { bytes.append(UInt8(ascii: "}")) }

    /// Writes the separator (when not the first key), the key and the colon.
    mutating func key(_ name: StaticString) {
        if !first {
            bytes.append(UInt8(ascii: ","))
            if spaced { bytes.append(UInt8(ascii: " ")) }
        }
        first = false
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        if spaced { bytes.append(UInt8(ascii: " ")) }
    }

    /// Writes bytes as they are.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes a list separator between array elements.
    mutating func comma() {
        bytes.append(UInt8(ascii: ","))
        if spaced { bytes.append(UInt8(ascii: " ")) }
    }

    /// Writes a signed integer.
    mutating func int(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            digits(value.magnitude)
        } else {
            digits(UInt64(value))
        }
    }

    /// Writes the digits of `value` in `radix` (2…36, lower-case letters).
    mutating func digits(_ value: UInt64, radix: UInt64 = 10) {
        if value < radix && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 48)
            return
        }
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)  // 64 digits
        withUnsafeMutableBytes(of: &scratch) { buffer in
            var v = value
            var i = buffer.count
            repeat {
                i -= 1
                let d = UInt8(truncatingIfNeeded: v % radix)
                buffer[i] = d < 10 ? d &+ 48 : d &+ 87
                v /= radix
            } while v > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[i...]))
        }
    }

    /// Writes `units / 10^scale` (units ≥ 0) in `style`.
    mutating func decimal(units: Int, scale: Int, style: NumberStyle) {
        var pow10 = 1
        for _ in 0..<scale { pow10 *= 10 }
        if style == .exponent && units > 0 {
            var text = Array(String(units).utf8)
            let exponent = text.count - 1 - scale
            while text.count > 1 && text.last == UInt8(ascii: "0") { text.removeLast() }
            bytes.append(text[0])
            if text.count > 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(contentsOf: text[1...])
            }
            bytes.append(UInt8(ascii: "e"))
            int(Int64(exponent))
            return
        }
        digits(UInt64(units / pow10))
        var fraction = units % pow10
        if fraction == 0 {
            if style == .withFraction { raw(".0") }
            return
        }
        var width = scale
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        bytes.append(UInt8(ascii: "."))
        let text = Array(String(fraction).utf8)
        for _ in text.count..<width { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: text)
    }

    /// Writes query `q` of `catalog` as a JSON string.
    mutating func string(query q: Int, of catalog: QueryCatalog) {
        let range = catalog.offsets[q]..<catalog.offsets[q + 1]
        catalog.utf8.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Writes a JSON string of UTF-8 `text`, escaping as needed.
    mutating func string(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { string($0) }
    }

    /// Writes a JSON string of UTF-8 `text`, escaping as needed.
    mutating func string(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        if !escapeNonASCII && !text.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text)
        } else {
            escaped(text)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a JSON string of `text`.
    mutating func string(_ text: String) { string(Array(text.utf8)) }

    /// Writes a JSON string of a static text (no escaping needed).
    mutating func string(_ text: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(text)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        if escapeNonASCII {
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                if scalar.value < 0x80 {
                    escapeASCII(UInt8(scalar.value))
                } else {
                    for unit in String(scalar).utf16 { unicodeEscape(unit) }
                }
            }
        } else {
            for byte in text {
                if byte < 0x80 { escapeASCII(byte) } else { bytes.append(byte) }
            }
        }
    }

    private mutating func unicodeEscape(_ unit: UInt16) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) {
            let nibble = UInt8((unit >> UInt16(shift)) & 0xF)
            bytes.append(nibble < 10 ? nibble + 48 : nibble + 87)
        }
    }

    private mutating func escapeASCII(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case ..<0x20: unicodeEscape(UInt16(byte))
        default: bytes.append(byte)
        }
    }
}
