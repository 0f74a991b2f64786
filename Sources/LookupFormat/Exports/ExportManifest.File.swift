import Digest

extension ExportManifest {
    /// One file of a version folder: its name, size and SHA-256.
    public struct File: Hashable, Sendable, Codable {
        /// The file name inside the version folder.
        public var name: String
        /// The size in bytes.
        public var bytes: Int64
        /// The SHA-256 of the content, 64 lower-case hex digits.
        public var sha256: String

        /// Creates an entry.
        public init(name: String, bytes: Int64, sha256: String) {
            self.name = name
            self.bytes = bytes
            self.sha256 = sha256
        }

        /// The entry of the file at `path` (named by its last path component): size and SHA-256 read
        /// from disk.
        public init(describing path: String) throws {
            let hex: String
            do {
                hex = try SHA256.hash(fileAt: path).hex
            } catch {
                throw LookupError(.io, "cannot hash '\(path)': \(error)")
            }
            self.init(name: FileSystem.split(path).name, bytes: try FileSystem.size(path), sha256: hex)
        }
    }
}
