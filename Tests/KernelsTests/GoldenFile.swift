// Reads the golden tensor files written by Tests/Python/golden_format.py (format described there).
// A twin of this file lives in LanguageModelTests: test targets cannot share code without a
// support target, and this one is small.
import Foundation
import Testing

struct GoldenFile {
    struct Tensor {
        var shape: [Int]
        var floats: [Float] = []
        var ints: [Int32] = []
    }

    var header: [String: Any]
    var tensors: [String: Tensor] = [:]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    init(named name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        var offset = 0
        func bytes(_ count: Int) throws -> Data {
            guard offset + count <= data.count else { throw GoldenError(message: "'\(name)' is truncated at \(offset)") }
            defer { offset += count }
            return data.subdata(in: (data.startIndex + offset)..<(data.startIndex + offset + count))
        }
        func u32() throws -> Int {
            Int(try bytes(4).withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) })
        }
        guard try bytes(8) == Data("AIGQGLD1".utf8) else { throw GoldenError(message: "'\(name)' has no AIGQGLD1 magic") }
        let headerData = try bytes(try u32())
        header = try JSONSerialization.jsonObject(with: headerData) as? [String: Any] ?? [:]
        for _ in 0..<(try u32()) {
            let tensorName = String(decoding: try bytes(try u32()), as: UTF8.self)
            let dtype = try bytes(1)[0 + 0]
            let rank = try u32()
            var shape: [Int] = []
            for _ in 0..<rank { shape.append(try u32()) }
            let count = shape.reduce(1, *)
            let payload = try bytes(count * 4)
            var tensor = Tensor(shape: shape)
            if dtype == 0 {
                tensor.floats = payload.withUnsafeBytes { raw in
                    (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
                }
            } else {
                tensor.ints = payload.withUnsafeBytes { raw in
                    (0..<count).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
                }
            }
            tensors[tensorName] = tensor
        }
    }

    func floats(_ name: String) throws -> [Float] {
        guard let tensor = tensors[name], !tensor.floats.isEmpty else { throw GoldenError(message: "no float tensor '\(name)'") }
        return tensor.floats
    }

    func ints(_ name: String) throws -> [Int32] {
        guard let tensor = tensors[name], !tensor.ints.isEmpty else { throw GoldenError(message: "no int tensor '\(name)'") }
        return tensor.ints
    }

    func shape(_ key: String) -> Int {
        ((header["shapes"] as? [String: Any])?[key] as? NSNumber)?.intValue ?? -1
    }
}

struct GoldenError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Compares two tensors element by element (|a − e| ≤ absolute + relative·|e|); on failure records
/// the max difference, its index and the first pairs, as llm.c's `check_tensor` prints them.
func checkTensor(
    _ actual: [Float], _ expected: [Float], _ label: String,
    absolute: Float = 1e-5, relative: Float = 1e-4, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    var worst = 0
    var worstExcess: Float = -.infinity
    var failures = 0
    for i in actual.indices {
        let excess = abs(actual[i] - expected[i]) - (absolute + relative * abs(expected[i]))
        if !(excess <= 0) { failures += 1 }
        if !(excess <= worstExcess) { worstExcess = excess; worst = i }
    }
    if failures > 0 {
        let pairs = (0..<min(5, actual.count)).map { "\(actual[$0]) vs \(expected[$0])" }.joined(separator: ", ")
        Issue.record(
            "\(label): \(failures) of \(actual.count) values differ; worst at [\(worst)]: \(actual[worst]) vs \(expected[worst]); first: \(pairs)",
            sourceLocation: sourceLocation)
    }
}

/// A seeded generator for test data (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func floats(_ count: Int, scale: Float = 1) -> [Float] {
        (0..<count).map { _ in Float.random(in: -scale...scale, using: &self) }
    }
}
