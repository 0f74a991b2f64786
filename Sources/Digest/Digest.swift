// The Digest module: content hashes (SHA-256) for shard checksums and pipeline fingerprints.
