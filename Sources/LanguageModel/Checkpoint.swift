// A checkpoint is a header (config, step, vocabulary fingerprint), the vocabulary, and the parameter
// buffer, written in one write (llm.c's header-plus-fwrite). Loading checks all three and says what
// differs; a warm start copies what still fits when the vocabulary changed.
//
// File layout (little-endian):
//   "AIGQCKPT"  u32 version  u32 header length  header (JSON: config, step, vocabularyFingerprint,
//   vocabularyCount, parameterCount)  vocabulary (per token: u8 kind 1/2/3, u32 length, UTF-8)
//   parameters (f32 × parameterCount, ParameterLayout order)
import Foundation

/// A saved model: config, vocabulary, training step and parameters.
///
/// ```swift
/// try Checkpoint(model: model, vocabulary: vocabulary, step: 1200).write(to: "model.ckpt")
/// let (model, report) = try Checkpoint.read(from: "model.ckpt").warmStart(config: config, vocabulary: today, seed: 1)
/// ```
public struct Checkpoint: Sendable {
    /// The first eight bytes of every checkpoint: `AIGQCKPT`.
    static let magic = Data("AIGQCKPT".utf8)
    /// The format version this code writes and reads.
    public static let formatVersion: UInt32 = 1

    /// The model's shape.
    public var config: TransformerConfig
    /// The tokens the embedding rows stand for.
    public var vocabulary: Vocabulary
    /// Optimiser steps taken when it was saved.
    public var step: Int
    /// The parameter buffer, `ParameterLayout` order.
    public var parameters: [Float]

    /// A checkpoint of `model`, whose embedding rows are `vocabulary`'s tokens.
    public init(model: Transformer, vocabulary: Vocabulary, step: Int) throws(LanguageModelError) {
        guard vocabulary.count == model.config.vocabularySize else {
            throw .mismatch(["vocabulary has \(vocabulary.count) tokens, the model \(model.config.vocabularySize) rows"])
        }
        config = model.config
        self.vocabulary = vocabulary
        self.step = step
        parameters = Array(model.parameters.pointer.prefix(model.layout.count))
    }

    struct Header: Codable {
        var config: TransformerConfig
        var step: Int
        var vocabularyFingerprint: String
        var vocabularyCount: Int
        var parameterCount: Int
    }

    // MARK: - Writing

    /// Writes the checkpoint to `path` in one write, atomically (a temporary file, then a rename).
    public func write(to path: String) throws(LanguageModelError) {
        var data = Self.magic
        append(Self.formatVersion, to: &data)
        let header = Header(
            config: config, step: step, vocabularyFingerprint: vocabulary.fingerprint,
            vocabularyCount: vocabulary.count, parameterCount: parameters.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        guard let json = try? encoder.encode(header) else {
            throw LanguageModelError(code: .checkpointIO, message: "could not encode the checkpoint header")
        }
        append(UInt32(json.count), to: &data)
        data += json
        for entry in vocabulary.entries {
            data.append(entry.kind == .special ? 1 : entry.kind == .word ? 2 : 3)
            let bytes = Data(entry.token.utf8)
            append(UInt32(bytes.count), to: &data)
            data += bytes
        }
        parameters.withUnsafeBytes { data += $0 }  // fp32, little-endian on every supported machine
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw LanguageModelError(
                code: .checkpointIO, message: "could not write checkpoint '\(path)': \(error.localizedDescription)")
        }
    }

    private func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data += $0 }
    }

    // MARK: - Reading

    /// Reads and checks a checkpoint: magic, version, lengths, vocabulary fingerprint, parameter count.
    public static func read(from path: String) throws(LanguageModelError) -> Checkpoint {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LanguageModelError(
                code: .checkpointIO, message: "could not read checkpoint '\(path)': \(error.localizedDescription)")
        }
        var reader = ByteReader(data: data, path: path)
        guard try reader.bytes(8) == magic else {
            throw .format(path, "does not start with AIGQCKPT; it is not an AIGQ checkpoint")
        }
        let version = try reader.u32()
        guard version == formatVersion else {
            throw .format(
                path, "has format version \(version), this build reads \(formatVersion).\n"
                    + "---> HINT: retrain to write a current checkpoint (aigq run --force on the training stage)")
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: try reader.bytes(Int(try reader.u32()))) else {
            throw .format(path, "has an unreadable header")
        }
        var entries: [Vocabulary.Entry] = []
        entries.reserveCapacity(header.vocabularyCount)
        for _ in 0..<header.vocabularyCount {
            let kindByte = try reader.bytes(1).first ?? 0
            let kind: Vocabulary.Kind
            switch kindByte {
            case 1: kind = .special
            case 2: kind = .word
            case 3: kind = .char
            default: throw .format(path, "has token kind \(kindByte) in its vocabulary (expected 1, 2 or 3)")
            }
            let token = String(decoding: try reader.bytes(Int(try reader.u32())), as: UTF8.self)
            entries.append(Vocabulary.Entry(token: token, kind: kind))
        }
        let vocabulary = try Vocabulary(entries: entries)
        guard vocabulary.fingerprint == header.vocabularyFingerprint else {
            throw .format(
                path, "has a vocabulary whose fingerprint \(vocabulary.fingerprint) is not the header's "
                    + "\(header.vocabularyFingerprint); the file is damaged")
        }
        let expected = ParameterLayout(config: header.config).count
        guard header.parameterCount == expected else {
            throw .format(path, "holds \(header.parameterCount) parameters but its config needs \(expected)")
        }
        let raw = try reader.bytes(expected * 4)
        guard reader.remaining == 0 else {
            throw .format(path, "has \(reader.remaining) bytes after the parameters; the file is damaged")
        }
        var parameters = [Float](repeating: 0, count: expected)
        _ = parameters.withUnsafeMutableBytes { raw.copyBytes(to: $0) }
        return Checkpoint(config: header.config, vocabulary: vocabulary, step: header.step, parameters: parameters)
    }

    private init(config: TransformerConfig, vocabulary: Vocabulary, step: Int, parameters: [Float]) {
        self.config = config
        self.vocabulary = vocabulary
        self.step = step
        self.parameters = parameters
    }

    // MARK: - Loading

    /// What differs between this checkpoint and a wanted config and vocabulary, one sentence each.
    public func differences(config wanted: TransformerConfig, vocabulary wantedVocabulary: Vocabulary) -> [String] {
        var differences: [String] = []
        let fields: [(String, Int, Int)] = [
            ("channels", config.channels, wanted.channels), ("layers", config.layers, wanted.layers),
            ("heads", config.heads, wanted.heads), ("contextLength", config.contextLength, wanted.contextLength),
            ("vocabularySize", config.vocabularySize, wanted.vocabularySize),
        ]
        for (name, saved, want) in fields where saved != want {
            differences.append("\(name) is \(saved) in the checkpoint, \(want) wanted")
        }
        if vocabulary.fingerprint != wantedVocabulary.fingerprint {
            let old = Set(vocabulary.entries), new = Set(wantedVocabulary.entries)
            differences.append(
                "vocabulary fingerprint is \(vocabulary.fingerprint) in the checkpoint, "
                    + "\(wantedVocabulary.fingerprint) wanted (\(new.subtracting(old).count) tokens added, "
                    + "\(old.subtracting(new).count) removed)")
        }
        return differences
    }

    /// The model, if the checkpoint is exactly for `config` and `vocabulary`.
    /// - Throws: a `.checkpointMismatch` error listing every difference.
    public func load(config wanted: TransformerConfig, vocabulary wantedVocabulary: Vocabulary) throws(LanguageModelError)
        -> Transformer
    {
        let differences = differences(config: wanted, vocabulary: wantedVocabulary)
        guard differences.isEmpty else { throw .mismatch(differences) }
        return try Transformer(config: config, parameters: parameters)
    }
}

extension LanguageModelError {
    static func mismatch(_ differences: [String], file: String = #fileID, line: Int = #line) -> Self {
        Self(
            code: .checkpointMismatch,
            message: "The checkpoint does not fit: " + differences.joined(separator: "; ") + ".", file: file, line: line)
    }

    static func format(_ path: String, _ problem: String, file: String = #fileID, line: Int = #line) -> Self {
        Self(code: .checkpointFormat, message: "Checkpoint '\(path)' \(problem).", file: file, line: line)
    }
}

/// Bounds-checked little-endian reads from a checkpoint.
private struct ByteReader {
    let data: Data
    let path: String
    var offset = 0

    var remaining: Int { data.count - offset }

    mutating func bytes(_ count: Int) throws(LanguageModelError) -> Data {
        guard count >= 0, count <= remaining else {
            throw .format(path, "is truncated: \(count) bytes wanted at offset \(offset), \(remaining) left")
        }
        let start = data.startIndex + offset
        offset += count
        return data.subdata(in: start..<(start + count))
    }

    mutating func u32() throws(LanguageModelError) -> UInt32 {
        let raw = try bytes(4)
        return raw.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
    }
}
