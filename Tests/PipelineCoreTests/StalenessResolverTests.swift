import Testing

@testable import PipelineCore

/// One scenario per cause, asserting category and exact reason (dagster `StaleCause` manner).
@Suite struct StalenessResolverTests {
    static let task = TaskKey(stage: "sessions", day: "2026-11-23")
    static let output = OutputShard(dataset: "sessions", path: "dt=2026-11-23/part-00000.parquet", checksum: "c0")
    static let base = TaskDefinition(
        kind: "sessions", codeVersion: 2, params: ["lr": 3e-4, "window_days": 7],
        inputs: [
            InputShard(dataset: "events", path: "dt=2026-11-23/bucket=001", checksum: "aa"),
            InputShard(dataset: "events", path: "dt=2026-11-23/bucket=003", checksum: "bb"),
        ])
    static let record = TaskRecord(lastSuccess: .init(definition: base, outputs: [output]))
    static let intact = [ObservedOutput.present("sessions", "dt=2026-11-23/part-00000.parquet", checksum: "c0")]

    func verdict(
        _ current: TaskDefinition = base,
        record: TaskRecord? = record,
        outputs: [ObservedOutput] = intact,
        forced: Bool = false
    ) -> TaskStaleness {
        StalenessResolver.status(task: Self.task, current: current, record: record, outputs: outputs, forced: forced)
    }

    func reasons(_ verdict: TaskStaleness) -> [String] { verdict.causes.map(\.reason) }

    @Test func isFreshWhenNothingChanged() {
        let verdict = verdict()
        #expect(verdict.status == .fresh)
        #expect(verdict.causes.isEmpty)
        #expect(!verdict.needsRun)
        #expect(verdict.description == "sessions@dt=2026-11-23 fresh")
    }

    @Test func isMissingWhenNeverRun() {
        let verdict = verdict(record: nil)
        #expect(verdict.status == .missing)
        #expect(verdict.causes == [StaleCause(.new, "never run")])
    }

    @Test func isMissingWithTheErrorWhenItOnlyEverFailed() {
        let verdict = verdict(record: TaskRecord(lastSuccess: nil, lastFailure: "disk full"))
        #expect(verdict.status == .missing)
        #expect(verdict.causes == [StaleCause(.failed, "last attempt failed: disk full")])
    }

    @Test func rerunsWhenParamChanges() throws {
        var current = Self.base
        current.params["lr"] = try ParamValue(overrideText: "1e-3")
        let verdict = verdict(current)
        #expect(verdict.status == .stale)
        #expect(verdict.causes == [StaleCause(.params, "param lr changed 3e-4 → 1e-3", dependency: "lr")])
    }

    @Test func rerunsWhenParamIsAddedOrRemoved() {
        var current = Self.base
        current.params["window_days"] = nil
        current.params["optimizer"] = "adamw"
        #expect(reasons(verdict(current)) == ["param optimizer added: \"adamw\"", "param window_days removed (was 7)"])
        #expect(verdict(current).causes.allSatisfy { $0.category == .params })
    }

    @Test func rerunsWhenCodeVersionChanges() {
        var current = Self.base
        current.codeVersion = 3
        #expect(verdict(current).causes == [StaleCause(.code, "code version 2 → 3")])
    }

    @Test func rerunsWhenKindChanges() {
        var current = Self.base
        current.kind = "sessions_v2"
        #expect(verdict(current).causes == [StaleCause(.code, "kind sessions → sessions_v2")])
    }

    @Test func rerunsWhenInputShardChanges() {
        var current = Self.base
        current.inputs[1].checksum = "b2"
        let verdict = verdict(current)
        #expect(verdict.status == .stale)
        #expect(
            verdict.causes == [
                StaleCause(
                    .inputs, "input events dt=2026-11-23 bucket=003 changed",
                    dependency: "events dt=2026-11-23 bucket=003")
            ])
    }

    @Test func rerunsWhenInputShardIsAddedOrRemoved() {
        var current = Self.base
        current.inputs.removeFirst()
        current.inputs.append(InputShard(dataset: "events", path: "dt=2026-11-24/bucket=001", checksum: "dd"))
        #expect(
            reasons(verdict(current)) == [
                "input events dt=2026-11-23 bucket=001 removed", "input events dt=2026-11-24 bucket=001 added",
            ])
    }

    @Test func rerunsWhenOutputDeleted() {
        let deleted = [ObservedOutput.deleted("sessions", "dt=2026-11-23/part-00000.parquet")]
        let expected = [
            StaleCause(
                .outputs, "output 'sessions/dt=2026-11-23/part-00000.parquet' deleted",
                dependency: "sessions/dt=2026-11-23/part-00000.parquet")
        ]
        #expect(verdict(outputs: deleted).causes == expected)
        // An output the runner did not report at all counts as deleted too.
        #expect(verdict(outputs: []).causes == expected)
    }

    @Test func rerunsWhenOutputFailsItsChecksum() {
        let corrupt = [ObservedOutput.present("sessions", "dt=2026-11-23/part-00000.parquet", checksum: "ff")]
        #expect(
            reasons(verdict(outputs: corrupt)) == [
                "output 'sessions/dt=2026-11-23/part-00000.parquet' checksum mismatch"
            ])
        // Present but not re-hashed: trusted.
        let unhashed = [ObservedOutput.present("sessions", "dt=2026-11-23/part-00000.parquet")]
        #expect(verdict(outputs: unhashed).status == .fresh)
    }

    @Test func rerunsWhenForced() {
        let verdict = verdict(forced: true)
        #expect(verdict.status == .stale)
        #expect(verdict.causes == [StaleCause(.forced, "forced by --force")])
    }

    @Test func rerunsWhenLastAttemptFailed() {
        var record = Self.record
        record.lastFailure = "timed out after 10m"
        #expect(verdict(record: record).causes == [StaleCause(.failed, "last attempt failed: timed out after 10m")])
    }

    @Test func reportsWhenOnlyTheFingerprintFormatChanged() {
        var record = Self.record
        record.lastSuccess?.fingerprint = Fingerprint(hex: String(repeating: "0", count: 64))
        let verdict = verdict(record: record)
        #expect(verdict.causes.map(\.category) == [.code])
        #expect(verdict.causes[0].reason == "fingerprint changed 000000000000 → \(Self.base.fingerprint.short)")
    }

    @Test func reportsEveryCauseCheapestFirst() {
        var current = Self.base
        current.codeVersion = 3
        current.params["lr"] = 1e-3
        current.inputs[0].checksum = "a2"
        var record = Self.record
        record.lastFailure = "killed"
        let verdict = verdict(current, record: record, outputs: [], forced: true)
        #expect(verdict.causes.map(\.category) == [.forced, .failed, .code, .params, .inputs, .outputs])
        #expect(
            verdict.description == """
                sessions@dt=2026-11-23 stale: forced by --force; last attempt failed: killed; code version 2 → 3; \
                param lr changed 3e-4 → 1e-3; input events dt=2026-11-23 bucket=001 changed; \
                output 'sessions/dt=2026-11-23/part-00000.parquet' deleted
                """)
    }

    /// `upstream ─events─▶ sessions`: the upstream task reruns (its param changed) and writes
    /// byte-identical shards, so `sessions`, fingerprinted by input checksums, stays fresh.
    @Test func staysFreshDownstreamWhenRerunWritesIdenticalOutput() {
        let sameBytes = Self.base.inputs  // the rerun's output checksums, as the runner records them
        let after = TaskDefinition(kind: "sessions", codeVersion: 2, params: Self.base.params, inputs: sameBytes)
        #expect(verdict(after).status == .fresh)

        var differentBytes = Self.base.inputs
        differentBytes[0].checksum = "a9"
        let changed = TaskDefinition(kind: "sessions", codeVersion: 2, params: Self.base.params, inputs: differentBytes)
        #expect(reasons(verdict(changed)) == ["input events dt=2026-11-23 bucket=001 changed"])
    }

    @Test func recordsRoundTripParamsThroughManifestJSON() throws {
        let stored = ParamValue.map(Self.base.params).canonicalJSON
        guard case .map(let params) = try ParamValue(canonicalJSON: stored) else {
            Issue.record("params JSON did not read back as a map")
            return
        }
        var record = Self.record
        record.lastSuccess?.params = params
        #expect(verdict(record: record).status == .fresh)
    }
}
