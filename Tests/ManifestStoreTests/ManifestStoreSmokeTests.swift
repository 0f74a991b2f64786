import Testing
@testable import ManifestStore

@Test func manifestStoreBuilds() { #expect(Bool(true)) }
