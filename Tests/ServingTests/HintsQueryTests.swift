import Serving
import Testing

/// The parameters of /v1/hints: what is accepted, and the exact error (message and parameter) for
/// everything that is not.
@Suite struct HintsQueryTests {
    @Test(arguments: [
        ("user=42", HintsQuery(user: 42)),
        ("user=42&n=3", HintsQuery(user: 42, count: 3)),
        ("n=100&user=007", HintsQuery(user: 7, count: 100)),
        ("user=1&recent=search%3A%E5%B8%90%E7%AF%B7,item%3A7", HintsQuery(user: 1, recent: ["search:帐篷", "item:7"])),
        ("user=1&recent=search:rain+boots,search:a%2Cb", HintsQuery(user: 1, recent: ["search:rain boots", "search:a,b"])),
        ("user=1&recent=", HintsQuery(user: 1)),
        ("user=1&&n=2&", HintsQuery(user: 1, count: 2)),
        ("user=1&recent=" + Array(repeating: "item:1", count: 10).joined(separator: ","),
         HintsQuery(user: 1, recent: Array(repeating: "item:1", count: 10))),
    ])
    func acceptsWellFormedQueries(_ text: String, _ expected: HintsQuery) throws {
        #expect(try HintsQuery(queryString: text) == expected)
    }

    @Test(arguments: [
        ("", "user", "user is missing; pass the user id, e.g. /v1/hints?user=42"),
        ("n=5", "user", "user is missing; pass the user id, e.g. /v1/hints?user=42"),
        ("user=", "user", "user is missing; pass the user id, e.g. /v1/hints?user=42"),
        ("user=abc", "user", "user is 'abc'; pass a user id of decimal digits (0…9223372036854775807)"),
        ("user=-1", "user", "user is '-1'; pass a user id of decimal digits (0…9223372036854775807)"),
        ("user=99999999999999999999", "user", "user is '99999999999999999999'; pass a user id of decimal digits (0…9223372036854775807)"),
        ("user=1&n=0", "n", "n is '0'; ask for 1…100 hints (default 10)"),
        ("user=1&n=101", "n", "n is '101'; ask for 1…100 hints (default 10)"),
        ("user=1&n=ten", "n", "n is 'ten'; ask for 1…100 hints (default 10)"),
        ("user=1&n=", "n", "n is ''; ask for 1…100 hints (default 10)"),
        ("user=1&user=2", "user", "user is given more than once; pass it once"),
        ("user=1&users=2", "users", "unknown parameter 'users'; /v1/hints takes user, n and recent"),
        ("user=1&recent=" + Array(repeating: "item:1", count: 11).joined(separator: ","), "recent",
         "recent has 11 triggers, more than 10; send the 10 most recent"),
        ("user=1&recent=item:1,,item:2", "recent",
         "trigger 2 of recent is empty; separate triggers with single commas (search:<query>,item:<id>)"),
        ("user=1&recent=search:%zz", "recent",
         "trigger 1 of recent ('search:%zz') is not percent-encoded UTF-8; encode each trigger with encodeURIComponent"),
        ("user=1&recent=search:%FF", "recent",
         "trigger 1 of recent ('search:%FF') is not percent-encoded UTF-8; encode each trigger with encodeURIComponent"),
        ("user=1&recent=search:" + String(repeating: "a", count: 300), "recent",
         "trigger 1 of recent has 307 bytes, more than 256; shorten it"),
        ("user=1&recent=" + String(repeating: "x", count: 4100), "recent",
         "the query string has 4114 bytes, more than 4096; send fewer or shorter recent triggers"),
    ])
    func refusesWithTheParameterAndWhatToDo(_ text: String, _ parameter: String, _ message: String) {
        let error = #expect(throws: ServingError.self) { try HintsQuery(queryString: text) }
        #expect(error?.code == .badParameter)
        #expect(error?.parameter == parameter)
        #expect(error?.message == message)
    }
}
