import Testing

@testable import PipelineCore

@Suite struct ParamValueTests {
    @Test(arguments: [
        (3e-4, "3e-4"), (1e-3, "1e-3"), (0.5, "0.5"), (2.0, "2.0"), (0.01, "0.01"), (0.0025, "0.0025"),
        (2.5e-7, "2.5e-7"), (123.25, "123.25"), (1e16, "1e16"), (1.5e20, "1.5e20"), (-0.001, "-1e-3"),
        (-0.0, "0.0"), (100.0, "100.0"), (0.1, "0.1"), (1e15, "1000000000000000.0"),
    ])
    func writesDoublesShortestRoundTrip(value: Double, expected: String) {
        #expect(ParamValue.double(value).canonicalJSON == expected)
    }

    @Test func sortsMapKeysAndWritesNoWhitespace() {
        let value: ParamValue = ["zeta": 1, "alpha": [true, "x"], "Beta": ["b": 2.5, "a": "é"]]
        #expect(value.canonicalJSON == #"{"Beta":{"a":"é","b":2.5},"alpha":[true,"x"],"zeta":1}"#)
    }

    @Test func canonicalJSONIsStableAcrossInsertionOrder() {
        var first: [String: ParamValue] = [:]
        var second: [String: ParamValue] = [:]
        for key in ["lr", "epochs", "b", "a", "layers"] { first[key] = .string(key) }
        for key in ["layers", "a", "b", "epochs", "lr"] { second[key] = .string(key) }
        #expect(ParamValue.map(first).canonicalJSON == ParamValue.map(second).canonicalJSON)
    }

    @Test func escapesStrings() {
        #expect(ParamValue.string("a\"b\\c\nd\te\u{01}").canonicalJSON == #""a\"b\\c\nd\te\u0001""#)
    }

    @Test(arguments: [
        ("1e-3", ParamValue.double(1e-3)), ("3", .int(3)), ("-12", .int(-12)), ("0.5", .double(0.5)),
        ("true", .bool(true)), ("false", .bool(false)), ("adamw", .string("adamw")),
        ("'3'", .string("3")), ("\"true\"", .string("true")), ("[a, b]", .list(["a", "b"])),
        ("[1, 2.5, x]", .list([1, 2.5, "x"])), ("{beta1: 0.9, name: adam}", .map(["beta1": 0.9, "name": "adam"])),
        ("python3 train.py --fast", .string("python3 train.py --fast")),
    ])
    func parsesOverrideText(text: String, expected: ParamValue) throws {
        #expect(try ParamValue(overrideText: text) == expected)
    }

    @Test func rejectsEmptyAndNonFiniteOverrideValues() {
        #expect(throws: PipelineError.self) { try ParamValue(overrideText: "") }
        #expect(throws: PipelineError.self) { try ParamValue(overrideText: ".nan") }
        #expect(throws: PipelineError.self) { try ParamValue(overrideText: "null") }
    }

    @Test func readsBackItsCanonicalJSON() throws {
        let value: ParamValue = [
            "lr": 3e-4, "epochs": 2, "name": "a \"b\"\n", "flags": [true, false], "l": [1e16, 0.5],
        ]
        #expect(try ParamValue(canonicalJSON: value.canonicalJSON) == value)
    }

    @Test func coercesIntToDoubleOnly() {
        #expect(ParamType.double.coerce(1) == .double(1))
        #expect(ParamType.int.coerce(1.5) == nil)
        #expect(ParamType.string.coerce(3) == nil)
        #expect(ParamType.any.coerce([1]) == [1])
    }

    @Test func parsesOverrides() throws {
        let override = try ParamOverride(parsing: "sft.lr=1e-3")
        #expect(override.stage == "sft")
        #expect(override.param == "lr")
        #expect(override.value == .double(0.001))
    }

    @Test(arguments: [
        ("sft.lr", "invalid override 'sft.lr': no '='; write -p stage.param=value, for example -p sft.lr=1e-3"),
        (
            "lr=3",
            "invalid override 'lr=3': 'lr' is not stage.param; write -p stage.param=value, for example -p sft.lr=1e-3"
        ),
        ("sft.lr=", "invalid override 'sft.lr=': empty value; write a value, or '\"\"' for an empty string"),
    ])
    func rejectsMalformedOverrides(text: String, message: String) {
        let error = #expect(throws: PipelineError.self) { try ParamOverride(parsing: text) }
        #expect(error?.message == message)
        #expect(error?.code == .invalidOverride)
    }
}
