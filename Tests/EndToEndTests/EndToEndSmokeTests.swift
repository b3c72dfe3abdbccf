import Testing

@Suite struct EndToEndSmokeTests {
    @Test("the target builds") func builds() { #expect(1 + 1 == 2) }
}
