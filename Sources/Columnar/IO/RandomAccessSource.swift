/// Bytes a reader can fetch by offset: a file, or a buffer already in memory.
package protocol RandomAccessSource: Sendable {
    /// A name for messages (the path, or "<memory>").
    var name: String { get }
    /// Total size in bytes.
    func size() throws -> Int
    /// Exactly `count` bytes at `offset`.
    func read(at offset: Int, count: Int) throws -> [UInt8]
}

extension FileHandleIO: RandomAccessSource {
    package var name: String { path }
}

/// A byte array as a ``RandomAccessSource`` (tests, fuzzing, small files already loaded).
package struct MemorySource: RandomAccessSource {
    package let bytes: [UInt8]
    package let name: String

    package init(_ bytes: [UInt8], name: String = "<memory>") {
        self.bytes = bytes
        self.name = name
    }

    package func size() throws -> Int { bytes.count }

    package func read(at offset: Int, count: Int) throws -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= bytes.count - count else {
            throw ColumnarError.truncated("'\(name)' has \(bytes.count) bytes; cannot read \(count) at offset \(offset)")
        }
        return Array(bytes[offset..<(offset + count)])
    }
}
