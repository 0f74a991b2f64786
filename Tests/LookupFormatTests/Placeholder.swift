import Testing
@Test func placeholderLookupFormatTests() { #expect(Bool(true)) }
