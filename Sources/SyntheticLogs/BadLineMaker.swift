/// Writes one injected line of a ``BadLineKind``. Each bad line has exactly one problem; everything
/// else about it (user, a `ts` inside the day unless the kind is about `ts`, known queries and items)
/// is valid, so the kind is unambiguous.
struct BadLineMaker {
    let world: SyntheticWorld
    let dayStart: Int64

    /// Appends a line of `kind` for `user` to `w`.
    func write(_ kind: BadLineKind, user: Int64, into w: inout JSONWriter, rng: inout SplitMix64) {
        let ts = dayStart + Int64(rng.below(86_400_000))
        let query = Array(world.queries.bytes(world.queries.globalTable.draw(&rng)))
        let item = world.items.ids[rng.below(world.items.ids.count)]
        w.escapeNonASCII = false
        switch kind {
        case .notJSON: notJSON(ts: ts, user: user, query: query, &w, &rng)
        case .missingField: missingField(ts: ts, user: user, query: query, item: item, &w, &rng)
        case .wrongType: wrongType(ts: ts, user: user, query: query, item: item, &w, &rng)
        case .unknownType:
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string(["page_view", "scroll", "video_play", "share"][rng.below(4)])
            w.close()
        case .tsOutsideDay:
            let outside = rng.chance(0.5) ? dayStart - 1 - Int64(rng.below(3_600_000)) : dayStart + 86_400_000 + Int64(rng.below(3_600_000))
            common(ts: outside, user: user, &w)
            w.key("type")
            w.string("search")
            w.key("query")
            w.string(query)
            w.close()
        case .unknownExposure:
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string("hint_click")
            w.key("exposure")
            w.string("ghost-" + String(rng.next() >> 16, radix: 16))
            w.key("query")
            w.string(query)
            w.close()
        case .unknownItem:
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string("purchase")
            w.key("item")
            w.int(Int64(100_000_000 + rng.below(1_000_000)))  // item ids are below 100 000 000
            w.key("price")
            w.decimal(units: 100 + rng.below(20_000), scale: 2, style: .plain)
            w.close()
        }
    }

    /// Opens an object with `ts` and `user`.
    private func common(ts: Int64, user: Int64, _ w: inout JSONWriter) {
        w.open()
        w.key("ts")
        w.int(ts)
        w.key("user")
        w.int(user)
    }

    private func notJSON(ts: Int64, user: Int64, query: [UInt8], _ w: inout JSONWriter, _ rng: inout SplitMix64) {
        switch rng.below(6) {
        case 0:  // truncated mid-string
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string("search")
            w.key("query")
            w.bytes.append(UInt8(ascii: "\""))
            w.bytes.append(contentsOf: query.prefix(max(1, query.count / 2)))
        case 1:  // trailing comma
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string("app_open")
            w.raw(",}")
        case 2:
            w.raw("<html><body>502 Bad Gateway</body></html>")
        case 3:  // single quotes
            w.raw("{'ts': ")
            w.int(ts)
            w.raw(", 'user': ")
            w.int(user)
            w.raw(", 'type': 'app_open'}")
        case 4:  // invalid UTF-8 inside a string
            common(ts: ts, user: user, &w)
            w.key("type")
            w.string("search")
            w.key("query")
            w.bytes.append(contentsOf: [UInt8(ascii: "\""), 0x74, 0xFF, 0xFE, 0x6E, UInt8(ascii: "\"")])
            w.close()
        default:  // valid JSON, but not an object
            w.raw("[")
            w.int(ts)
            w.comma()
            w.int(user)
            w.comma()
            w.string("app_open")
            w.raw("]")
        }
    }

    private func missingField(ts: Int64, user: Int64, query: [UInt8], item: Int64, _ w: inout JSONWriter, _ rng: inout SplitMix64) {
        w.open()
        switch rng.below(8) {
        case 0:  // no ts
            w.key("user"); w.int(user); w.key("type"); w.string("app_open")
        case 1:  // no user
            w.key("ts"); w.int(ts); w.key("type"); w.string("app_exit")
        case 2:  // no type
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("query"); w.string(query)
        case 3:  // search without query
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("search"); w.key("source"); w.string("typed")
        case 4:  // hint_click without exposure
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("hint_click"); w.key("query"); w.string(query)
        case 5:  // hint_exposure without candidates
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("hint_exposure")
            w.key("exposure"); w.string("lost-" + String(rng.next() >> 16, radix: 16)); w.key("shown"); w.int(3)
        case 6:  // item_click without item
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("item_click"); w.key("query"); w.string(query)
        default:  // purchase without item
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("purchase"); w.key("price"); w.raw("9.99")
        }
        w.close()
    }

    private func wrongType(ts: Int64, user: Int64, query: [UInt8], item: Int64, _ w: inout JSONWriter, _ rng: inout SplitMix64) {
        w.open()
        switch rng.below(7) {
        case 0:  // user as a string
            w.key("ts"); w.int(ts); w.key("user"); w.string(String(user)); w.key("type"); w.string("app_open")
        case 1:  // ts as an ISO string
            w.key("ts"); w.string("2026-11-23T10:00:00Z"); w.key("user"); w.int(user); w.key("type"); w.string("app_open")
        case 2:  // item as a string
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("add_to_cart"); w.key("item"); w.string("A\(item)")
        case 3:  // query as a number
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("search"); w.key("query"); w.int(42)
        case 4:  // shown as a string
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("hint_exposure")
            w.key("exposure"); w.string("odd-" + String(rng.next() >> 16, radix: 16)); w.key("shown"); w.string("3")
            w.key("candidates"); w.raw("[{\"query\":"); w.string(query); w.raw(",\"score\":0.9},{\"query\":\"tent\",\"score\":0.8},{\"query\":\"wok\",\"score\":0.7}]")
        case 5:  // candidates as a string
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("hint_exposure")
            w.key("exposure"); w.string("odd-" + String(rng.next() >> 16, radix: 16)); w.key("shown"); w.int(3)
            w.key("candidates"); w.string("tent, wok, sofa")
        default:  // exposure as a number
            w.key("ts"); w.int(ts); w.key("user"); w.int(user); w.key("type"); w.string("hint_click"); w.key("exposure"); w.int(17); w.key("query"); w.string(query)
        }
        w.close()
    }
}
