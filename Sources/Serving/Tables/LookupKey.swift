/// A key of a served table (a user id, a trigger, `*`), hashed and compared by its UTF-8 bytes, as
/// the lookup files order and compare keys (SQLite's text comparison), and without the Unicode
/// normalisation a `String` key would pay on every lookup of a non-ASCII trigger.
struct LookupKey: Hashable {
    var text: String

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: LookupKey, rhs: LookupKey) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}
