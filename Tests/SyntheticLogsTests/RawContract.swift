import Foundation

/// The raw log contract (log-schema.md) as a checker over parsed JSON objects, written from the
/// contract's text independently of the generator.
enum RawContract {
    static let types: Set<String> = ["app_open", "app_exit", "hint_exposure", "hint_click", "search", "item_click", "add_to_cart", "purchase"]

    /// The JSON object of a line, or nil when the line is not strict JSON (RFC 8259) or not an object.
    /// Foundation's parser accepts trailing commas, so those are rejected here first (the generated
    /// texts never hold a comma before `}` or `]` inside a string).
    static func parse(_ line: [UInt8]) -> [String: Any]? {
        var lastSignificant: UInt8 = 0
        for byte in line where byte != 0x20 && byte != 0x09 {
            if (byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")) && lastSignificant == UInt8(ascii: ",") { return nil }
            lastSignificant = byte
        }
        return (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
    }

    /// An integer value (`1`, `1.0`, `1e0` all count); nil for anything else.
    static func integer(_ value: Any?) -> Int64? {
        guard let value, !(value is String), let number = value as? NSNumber else { return nil }
        let d = number.doubleValue
        guard d.rounded() == d, abs(d) < 9.2e18 else { return nil }
        return number.int64Value
    }

    /// A number value.
    static func number(_ value: Any?) -> Double? {
        guard let value, !(value is String), let number = value as? NSNumber else { return nil }
        return number.doubleValue
    }

    /// Why `event` breaks the contract for a day starting at `dayStart`, or nil when it does not.
    static func problem(_ event: [String: Any], dayStart: Int64) -> String? {
        guard let ts = integer(event["ts"]) else { return "ts" }
        guard integer(event["user"]) != nil else { return "user" }
        guard let type = event["type"] as? String else { return "type" }
        guard types.contains(type) else { return "unknown type" }
        guard ts >= dayStart && ts < dayStart + 86_400_000 else { return "ts outside the day" }
        switch type {
        case "hint_exposure":
            guard event["exposure"] is String else { return "exposure" }
            guard let shown = integer(event["shown"]) else { return "shown" }
            guard let candidates = event["candidates"] as? [Any], candidates.count >= shown else { return "candidates" }
            for c in candidates {
                guard let c = c as? [String: Any], c["query"] is String, number(c["score"]) != nil else { return "candidate" }
            }
        case "hint_click":
            guard event["exposure"] is String, event["query"] is String else { return "hint_click fields" }
        case "search":
            guard event["query"] is String else { return "query" }
            if let source = event["source"] {
                guard let s = source as? String, ["typed", "hint", "suggest"].contains(s) else { return "source" }
            }
        case "item_click":
            guard integer(event["item"]) != nil else { return "item" }
            if let q = event["query"] { guard q is String else { return "query" } }
        case "add_to_cart":
            guard integer(event["item"]) != nil else { return "item" }
        case "purchase":
            guard integer(event["item"]) != nil else { return "item" }
            if let p = event["price"] { guard number(p) != nil else { return "price" } }
        default:
            break
        }
        return nil
    }

    /// Query normalisation as the contract states it (NFKC, lower case, trimmed, spaces collapsed).
    static func normalize(_ query: String) -> String {
        query.precomposedStringWithCompatibilityMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
