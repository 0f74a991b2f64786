/// What a table's `CURRENT` named when the watcher last looked: the text it held and the identity of
/// the version folder it names (`nil` when there is no such folder).
///
/// Two equal observations need no reload. A version folder replaced under the same name (the export
/// stage repairs a broken copy) has a new identity, so a refused version is tried again once mended.
public struct CurrentObservation: Hashable, Sendable, CustomStringConvertible {
    /// `CURRENT`'s text, trimmed: a version name unless the file is damaged.
    public var version: String
    /// The version folder's device and inode numbers.
    public var folder: FileIdentity?

    /// Creates an observation.
    public init(version: String, folder: FileIdentity?) {
        self.version = version
        self.folder = folder
    }

    public var description: String { version }
}

/// A file's device and inode numbers and the time its inode last changed: the same path holding
/// another file gets another identity (even when the file system reuses the inode number).
public struct FileIdentity: Hashable, Sendable {
    /// The device.
    public var device: UInt64
    /// The inode.
    public var inode: UInt64
    /// The inode's change time (`st_ctim`), in nanoseconds since the epoch.
    public var changed: Int64

    /// Creates an identity.
    public init(device: UInt64, inode: UInt64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.changed = changed
    }
}
