import NIOCore

extension HintList {
    /// The answer's JSON, written by hand into `buffer` (fixed key order; each hint's object comes
    /// ready-made from its table, ``ServedTable``):
    ///
    /// ```json
    /// {"user":"42","known_user":true,"n":10,
    ///  "hints":[{"query":"帐篷","source":"u2q"},{"query":"睡袋","source":"x2q","trigger":"search:帐篷"}],
    ///  "versions":{"u2q":"2026-11-23-0123456789ab","x2q":"2026-11-23-ba9876543210"}}
    /// ```
    /// `versions` names the version of every table the answer read.
    func write(_ query: HintsQuery, into buffer: inout ByteBuffer) {
        buffer.writeStaticString(#"{"user":""#)
        buffer.writeString(String(query.user))
        buffer.writeStaticString(knownUser ? #"","known_user":true,"n":"# : #"","known_user":false,"n":"#)
        buffer.writeString(String(query.count))
        buffer.writeStaticString(#","hints":["#)
        for (index, hint) in hints.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeBytes(table(hint.table).json(hint.entry))
        }
        buffer.writeStaticString(#"],"versions":{"#)
        buffer.writeBytes(u2q.versionMember)
        if let x2q {
            buffer.writeStaticString(",")
            buffer.writeBytes(x2q.versionMember)
        }
        if let popular {
            buffer.writeStaticString(",")
            buffer.writeBytes(popular.versionMember)
        }
        buffer.writeStaticString("}}")
    }
}
