import Testing

@Suite struct CopydeskCLITestsPlaceholder {
    @Test func builds() { #expect(Bool(true)) }
}
