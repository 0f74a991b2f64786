import Columnar
@testable import Stages
import Testing

/// The hash indexes and byte helpers behind the sessions stage's per-event lookups.
@Suite struct SessionsIndexTests {
    @Test func byteStringIndexFindsTheFirstRowOfEachValue() {
        let keys = ByteArrayColumn(strings: ["boots", "手机壳", "", "boots", "tent"])
        let index = ByteStringIndex(keys)
        let probes = ByteArrayColumn(strings: ["tent", "boots", "手机壳", "", "nope", "boot"])
        #expect((0..<probes.count).map { index.row(of: probes, $0) } == [4, 0, 1, 2, nil, nil])
    }

    @Test func int64IndexFindsTheFirstRowOfEachKey() {
        let keys: [Int64] = [10_000_000, -5, 42, 10_000_000, Int64.max] + (0..<1000).map { Int64($0) * 1_048_576 }
        let index = Int64Index(keys)
        #expect(index.row(of: 10_000_000) == 0)
        #expect(index.row(of: -5) == 1)
        #expect(index.row(of: Int64.max) == 4)
        #expect(index.row(of: 999 * 1_048_576) == 1004)
        #expect(index.row(of: 7) == nil)
        #expect(Int64Index([]).row(of: 0) == nil)
    }

    @Test func itemKeysAreWrittenInDecimal() {
        for value: Int64 in [0, 7, 10, 12_345_678_901, -3, Int64.min, Int64.max] {
            var bytes: [UInt8] = []
            UserHistory.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func blockCopiesKeepValueBoundaries() {
        let source = ByteArrayColumn(strings: ["a", "", "bcd", "ef"])
        var target = ByteArrayColumn(strings: ["x"])
        target.appendValues(of: source, 1..<4)
        target.appendValues(of: source, 0..<0)
        target.appendValue(prefix: Array("search:".utf8), of: source, at: 2)
        #expect((0..<target.count).map { target.string(at: $0) } == ["x", "", "bcd", "ef", "search:bcd"])
    }
}
