import Foundation

/// Query normalisation (log-schema.md): NFKC, lower case, trimmed, runs of white space collapsed to
/// one space. Queries are compared, counted and stored only in this form.
public enum QueryText {
    /// The normalised form of `query` ("  Ｗaterproof   Boots " → "waterproof boots").
    public static func normalize(_ query: String) -> String {
        if query.utf8.allSatisfy({ $0 < 0x80 }) { return asciiNormalize(query) }
        let folded = query.precomposedStringWithCompatibilityMapping.lowercased()
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The fast path for ASCII text (NFKC is the identity there).
    private static func asciiNormalize(_ query: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(query.utf8.count)
        var pendingSpace = false
        for byte in query.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
