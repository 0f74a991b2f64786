/// Renders simulated events as raw-contract JSON lines, with the variety real producers show: key
/// order (`type` first in 8 % of lines), an unknown extra field (1 %: strings, numbers, nested
/// objects, arrays, null), integers spelled `3.0`/`3e0` (0.5 % of lines, `shown` and `item` only),
/// non-ASCII written as `\uXXXX` escapes (5 %), scores and prices as `0.81`, `25.0` or `2.5e1`.
/// All choices come from the caller's layout stream, never from the event's content stream.
struct EventRenderer {
    let world: SyntheticWorld
    /// Index of the day within the generated window (part of exposure ids).
    let dayIndex: Int
    /// Salt of exposure ids (the seed).
    let salt: UInt64

    /// Appends one line (without terminator) for `event` to `w`.
    func render(_ event: SimEvent, candidates day: DayEvents, into w: inout JSONWriter, rng: inout SplitMix64) {
        let typeFirst = rng.chance(0.08)
        let extra = rng.chance(0.01) ? rng.below(Self.extraFields) : -1
        let extraFirst = extra >= 0 && rng.chance(0.5)
        let oddIntegers = rng.chance(0.005)
        w.escapeNonASCII = rng.chance(0.05)
        w.open()
        if extraFirst { writeExtra(extra, &w) }
        if typeFirst {
            w.key("type")
            w.string(event.kind.name)
            w.key("user")
            w.int(event.user)
            w.key("ts")
            w.int(event.ts)
        } else {
            w.key("ts")
            w.int(event.ts)
            w.key("user")
            w.int(event.user)
            w.key("type")
            w.string(event.kind.name)
        }
        switch event.kind {
        case .appOpen, .appExit:
            break
        case .hintExposure:
            w.key("exposure")
            exposureID(user: event.user, number: event.exposure, &w)
            w.key("shown")
            if oddIntegers { w.raw(rng.chance(0.5) ? "3.0" : "3e0") } else { w.int(Int64(UserBehavior.shown)) }
            w.key("candidates")
            w.raw("[")
            for i in 0..<Int(event.candidateCount) {
                if i > 0 { w.comma() }
                let c = Int(event.candidateStart) + i
                w.open()
                w.key("query")
                w.string(query: Int(day.candidateQueries[c]), of: world.queries)
                w.key("score")
                w.decimal(units: Int(day.candidateScores[c]), scale: 4, style: rng.chance(0.05) ? .exponent : .plain)
                w.close()
            }
            w.raw("]")
        case .hintClick:
            w.key("exposure")
            exposureID(user: event.user, number: event.exposure, &w)
            w.key("query")
            w.string(query: Int(event.query), of: world.queries)
        case .search:
            w.key("query")
            queryText(event, &w)
            if event.source != .none {
                w.key("source")
                switch event.source {
                case .typed: w.string("typed")
                case .hint: w.string("hint")
                default: w.string("suggest")
                }
            }
        case .itemClick:
            item(event.item, odd: oddIntegers, &w)
            if event.query >= 0 {
                w.key("query")
                queryText(event, &w)
            }
        case .addToCart:
            item(event.item, odd: oddIntegers, &w)
        case .purchase:
            item(event.item, odd: oddIntegers, &w)
            if event.priceCents >= 0 {
                w.key("price")
                w.decimal(units: Int(event.priceCents), scale: 2, style: Self.numberStyle(&rng))
            }
        }
        if extra >= 0 && !extraFirst { writeExtra(extra, &w) }
        w.close()
    }

    /// A number style: mostly plain, sometimes `25.0` or `2.5e1`.
    static func numberStyle(_ rng: inout SplitMix64) -> JSONWriter.NumberStyle {
        let u = rng.unit()
        return u < 0.9 ? .plain : (u < 0.95 ? .withFraction : .exponent)
    }

    /// Writes the exposure id `<user hash in base 36>-<day index>-<number>` (unique: the hash is a
    /// bijection of the user id).
    func exposureID(user: Int64, number: UInt16, _ w: inout JSONWriter) {
        w.bytes.append(UInt8(ascii: "\""))
        w.digits(SplitMix64.finalize(UInt64(bitPattern: user) ^ salt), radix: 36)
        w.bytes.append(UInt8(ascii: "-"))
        w.digits(UInt64(dayIndex))
        w.bytes.append(UInt8(ascii: "-"))
        w.digits(UInt64(number))
        w.bytes.append(UInt8(ascii: "\""))
    }

    private func item(_ index: Int32, odd: Bool, _ w: inout JSONWriter) {
        w.key("item")
        w.int(world.items.ids[Int(index)])
        if odd { w.raw(".0") }
    }

    /// The query as the user wrote it (``QueryVariant``).
    private func queryText(_ event: SimEvent, _ w: inout JSONWriter) {
        let text = Array(world.queries.bytes(Int(event.query)))
        switch event.variant {
        case .exact:
            w.string(query: Int(event.query), of: world.queries)
        case .titleCase:
            var out = text
            var start = true
            for i in out.indices {
                if start && out[i] >= UInt8(ascii: "a") && out[i] <= UInt8(ascii: "z") { out[i] -= 32 }
                start = out[i] == UInt8(ascii: " ")
            }
            w.string(out)
        case .extraSpaces:
            var out: [UInt8] = []
            for byte in text {
                out.append(byte)
                if byte == UInt8(ascii: " ") { out.append(byte) }
            }
            if !text.contains(UInt8(ascii: " ")) { out.insert(UInt8(ascii: " "), at: 0) }
            out.append(UInt8(ascii: " "))
            w.string(out)
        case .longTail:
            let domain = Taxonomy.domains[world.tree.leaves[Int(world.queries.leaf[Int(event.query)])].domain]
            w.string(text + [UInt8(ascii: " ")] + Array(domain.modifiers[Int(event.variantWord) % domain.modifiers.count].utf8))
        }
    }

    private static let extraFields = 7

    /// One unknown field (forward compatibility: ingest must ignore it).
    private func writeExtra(_ which: Int, _ w: inout JSONWriter) {
        switch which {
        case 0:
            w.key("client")
            w.string("ios")
        case 1:
            w.key("app_version")
            w.string("7.3.1")
        case 2:
            w.key("ctx")
            w.raw(w.spaced ? "{\"net\": \"wifi\", \"ab\": [3, 7], \"geo\": {\"lat\": 31.23, \"lon\": 121.47}}" : "{\"net\":\"wifi\",\"ab\":[3,7],\"geo\":{\"lat\":31.23,\"lon\":121.47}}")
        case 3:
            w.key("debug")
            w.raw("null")
        case 4:
            w.key("latency_ms")
            w.raw("12.5")
        case 5:
            w.key("tags")
            w.raw("[]")
        default:
            w.key("flag")
            w.raw("true")
        }
    }
}
