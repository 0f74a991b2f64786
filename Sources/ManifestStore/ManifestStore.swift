// The ManifestStore module: the SQLite run manifest.
