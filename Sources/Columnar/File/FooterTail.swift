/// The last 8 bytes of a Parquet file, and its first 4:
///
/// ```
/// | "PAR1" | row groups ... | footer (Thrift FileMetaData) | footer length (u32 LE) | "PAR1" |
/// ```
enum FooterTail {
    /// `PAR1`.
    static let magic: [UInt8] = [0x50, 0x41, 0x52, 0x31]
    /// The tail's size: a 4-byte footer length and the magic.
    static let size = 8

    /// The footer's byte range within a file of `fileSize` bytes whose last 8 bytes are `tail`.
    static func footerRange(tail: [UInt8], fileSize: Int) throws -> Range<Int> {
        guard tail.count == size, Array(tail[4..<8]) == magic else {
            let shown = tail.suffix(4).map { String(format2: $0) }.joined(separator: " ")
            throw ColumnarError.corrupt("footer: the file does not end with the Parquet magic 'PAR1' (found \(shown)); it is truncated or not Parquet")
        }
        let length = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard length > 0, length <= fileSize - size - magic.count else {
            throw ColumnarError.corrupt("footer: its length field says \(length) bytes but the file has only \(fileSize) bytes")
        }
        return (fileSize - size - length)..<(fileSize - size)
    }
}

extension String {
    /// Two hex digits of a byte.
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
