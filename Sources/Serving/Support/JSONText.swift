import LookupFormat

/// The few JSON pieces the server writes by hand (its responses are small and hot; Foundation's
/// encoder would cost more than the lookup): string escaping, and its inverse for tests and logs.
enum JSONText {
    /// Appends the JSON string body of `text` (no quotes), escaped as the lookup files store lists.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        LookupEntry.appendJSONEscaped(text, to: &out)
    }

    /// `text` as a quoted JSON string.
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = [0x22]
        appendEscaped(text, to: &out)
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of a JSON string body written by ``appendEscaped(_:to:)``.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            guard byte == 0x5C, index < bytes.endIndex else {
                out.append(byte)
                continue
            }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75 where index + 4 <= bytes.endIndex:
                let hex = String(decoding: bytes[index..<index + 4], as: UTF8.self)
                out.append(UInt8(UInt32(hex, radix: 16) ?? 0x3F))
                index += 4
            default: out.append(escaped)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
