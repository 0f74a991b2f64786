import Testing

@testable import PipelineCore

@Suite struct FingerprintTests {
    static let inputs = [
        InputShard(dataset: "events", path: "dt=2026-11-23/bucket=003", checksum: "bb"),
        InputShard(dataset: "events", path: "dt=2026-11-23/bucket=001", checksum: "aa"),
    ]

    @Test func hashesTheDocumentedCanonicalRecord() {
        let params: [String: ParamValue] = ["window_days": 7, "gap_minutes": 30]
        let record = Fingerprint.record(kind: "sessions", codeVersion: 2, params: params, inputs: Self.inputs)
        #expect(
            record
                == #"{"code_version":2,"fingerprint":1,"inputs":[["events","dt=2026-11-23/bucket=001","aa"],["events","dt=2026-11-23/bucket=003","bb"]],"kind":"sessions","params":{"gap_minutes":30,"window_days":7}}"#
        )
        // sha256 of the record above, computed independently (Python hashlib); never regenerate silently.
        let fingerprint = Fingerprint(kind: "sessions", codeVersion: 2, params: params, inputs: Self.inputs)
        #expect(fingerprint.hex == "2588b6f59df4bb2162762d390cf4227150dd57dc4f162ebaa9269b5e67aff984")
        #expect(fingerprint.short == "2588b6f59df4")
    }

    @Test func ignoresInputAndParamOrder() {
        let a = Fingerprint(kind: "k", codeVersion: 1, params: ["a": 1, "b": 2], inputs: Self.inputs)
        let b = Fingerprint(kind: "k", codeVersion: 1, params: ["b": 2, "a": 1], inputs: Self.inputs.reversed())
        #expect(a == b)
    }

    @Test func changesWithEveryComponent() {
        let base = Fingerprint(kind: "k", codeVersion: 1, params: ["lr": 3e-4], inputs: Self.inputs)
        var changedInput = Self.inputs
        changedInput[0].checksum = "cc"
        let variants = [
            Fingerprint(kind: "k2", codeVersion: 1, params: ["lr": 3e-4], inputs: Self.inputs),
            Fingerprint(kind: "k", codeVersion: 2, params: ["lr": 3e-4], inputs: Self.inputs),
            Fingerprint(kind: "k", codeVersion: "1", params: ["lr": 3e-4], inputs: Self.inputs),
            Fingerprint(kind: "k", codeVersion: 1, params: ["lr": 1e-3], inputs: Self.inputs),
            Fingerprint(kind: "k", codeVersion: 1, params: ["lr": 3e-4, "x": 1], inputs: Self.inputs),
            Fingerprint(kind: "k", codeVersion: 1, params: ["lr": 3e-4], inputs: changedInput),
            Fingerprint(kind: "k", codeVersion: 1, params: ["lr": 3e-4], inputs: Array(Self.inputs.dropFirst())),
        ]
        #expect(Set(variants.map(\.hex) + [base.hex]).count == variants.count + 1)
    }

    @Test func distinguishesIntFromDoubleParams() {
        let int = Fingerprint(kind: "k", codeVersion: 1, params: ["n": 1], inputs: [])
        let double = Fingerprint(kind: "k", codeVersion: 1, params: ["n": 1.0], inputs: [])
        #expect(int != double)
    }
}
