import Digest

/// The fingerprint of a task: sha256 (hex) of a canonical record of everything that determines its
/// output — the stage kind, its code version, its params and the checksums of its input shards.
///
/// The record is the canonical JSON (see ``ParamValue/canonicalJSON``) of
///
/// ```json
/// {"code_version":2,"fingerprint":1,"inputs":[["events","dt=2026-11-23/bucket=003","9f2c…"]],
///  "kind":"sessions","params":{"window_days":7}}
/// ```
///
/// where `fingerprint` is the record format version (``recordVersion``), `code_version` is an int or a
/// string as declared, and `inputs` lists `[dataset, path, checksum]` triples sorted by dataset, then
/// path (UTF-8 byte order). Task keys (day, shard) are not part of it: they select the inputs.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    /// The version of the record format; bumping it changes every fingerprint.
    public static let recordVersion = 1

    /// The sha256 as 64 lowercase hex digits.
    public var hex: String

    /// Wraps a stored fingerprint.
    public init(hex: String) {
        self.hex = hex
    }

    /// The fingerprint of a task's definition and inputs.
    public init(kind: String, codeVersion: CodeVersion, params: [String: ParamValue], inputs: [InputShard]) {
        let record = Self.record(kind: kind, codeVersion: codeVersion, params: params, inputs: inputs)
        self.hex = SHA256.hash(Array(record.utf8)).hex
    }

    /// The canonical record that is hashed (documented on ``Fingerprint``).
    public static func record(
        kind: String,
        codeVersion: CodeVersion,
        params: [String: ParamValue],
        inputs: [InputShard]
    ) -> String {
        let shards = inputs.sorted().map { shard in
            ParamValue.list([.string(shard.dataset), .string(shard.path), .string(shard.checksum)])
        }
        let record: ParamValue = .map([
            "fingerprint": .int(recordVersion),
            "kind": .string(kind),
            "code_version": codeVersion.paramValue,
            "params": .map(params),
            "inputs": .list(shards),
        ])
        return record.canonicalJSON
    }

    /// The first 12 hex digits, for display.
    public var short: String { String(hex.prefix(12)) }

    /// The full hex digest.
    public var description: String { hex }
}
