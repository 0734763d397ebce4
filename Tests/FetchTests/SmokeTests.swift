import Testing

@Suite struct FetchTestsPlaceholder {
    @Test func builds() { #expect(Bool(true)) }
}
