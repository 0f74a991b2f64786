import Digest
import Foundation
import Testing

@Suite struct SHA256Tests {
    /// FIPS 180-4 / NIST CAVP example vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
        ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(message: String, expected: String) {
        #expect(SHA256.hash(message).hex == expected)
        #expect(SHA256.hash(Array(message.utf8)).hex == expected)
        var hasher = SHA256()
        hasher.update(message)
        let digest = hasher.finalize()
        #expect(digest.description == expected)
        #expect(digest.bytes.count == 32)
    }

    @Test func oneMillionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hex == expected)
        // In odd-sized pieces too.
        var hasher = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 999)
        var fed = 0
        while fed < 1_000_000 {
            let n = min(piece.count, 1_000_000 - fed)
            hasher.update(Array(piece[0..<n]))
            fed += n
        }
        #expect(hasher.finalize().hex == expected)
    }

    /// Messages whose lengths straddle the padding boundaries (55, 56, 63, 64 … bytes).
    @Test func paddingBoundaries() {
        // Reference digests of 'a' * n from `hashlib.sha256`.
        let cases: [(Int, String)] = [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        ]
        for (count, expected) in cases {
            #expect(SHA256.hash([UInt8](repeating: 0x61, count: count)).hex == expected, "length \(count)")
        }
    }

    @Test func incrementalSplitsAgree() {
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let whole = SHA256.hash(message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(Array(message[0..<split]))
            hasher.update(Array(message[split...]))
            #expect(hasher.finalize() == whole, "split at \(split)")
        }
        // Three-way splits and copies forking the computation.
        for first in stride(from: 0, through: 200, by: 13) {
            for second in stride(from: first, through: 200, by: 17) {
                var hasher = SHA256()
                message.withUnsafeBytes { bytes in
                    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[0..<first]))
                    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[first..<second]))
                    var fork = hasher
                    fork.update(UnsafeRawBufferPointer(rebasing: bytes[second...]))
                    #expect(fork.finalize() == whole)
                    hasher.update(UnsafeRawBufferPointer(rebasing: bytes[second...]))
                }
                #expect(hasher.finalize() == whole)
            }
        }
    }

    @Test func fileHashEqualsInMemoryHash() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("aigq-digest-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Larger than one 1 MiB read chunk, not a multiple of the block size.
        for count in [0, 1, 1000, (3 << 20) + 12345] {
            var state: UInt64 = UInt64(count)
            let bytes = (0..<count).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            let url = directory.appendingPathComponent("file-\(count)")
            try Data(bytes).write(to: url)
            #expect(try SHA256.hash(fileAt: url.path) == SHA256.hash(bytes), "size \(count)")
        }
    }

    @Test func missingFileNamesPathAndReason() {
        let path = "/nonexistent/aigq-digest-test"
        do {
            _ = try SHA256.hash(fileAt: path)
            Issue.record("expected an error")
        } catch let error as DigestError {
            #expect(error.path == path)
            #expect(error.errno == ENOENT)
            #expect(error.description.contains(path))
            #expect(error.description.contains("No such file"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        // A directory cannot be read.
        #expect(throws: DigestError.self) { _ = try SHA256.hash(fileAt: "/") }
    }

    @Test func digestValueSemantics() {
        let a = SHA256.hash("abc")
        let b = SHA256.hash(Array("abc".utf8))
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != SHA256.hash("abd"))
        #expect(a.hex.count == 64)
    }

    /// Opt-in: AIGQ_DIGEST_BENCH=1 swift test -c release --filter SHA256Tests
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AIGQ_DIGEST_BENCH"] == "1"))
    func throughput() {
        let bytes = [UInt8](repeating: 0x5A, count: 256 << 20)
        let start = ContinuousClock.now
        let digest = SHA256.hash(bytes)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("SHA-256: \(Int(256 / seconds)) MB/s (\(digest.hex.prefix(8)))")
        #expect(digest.bytes.count == 32)
    }
}
