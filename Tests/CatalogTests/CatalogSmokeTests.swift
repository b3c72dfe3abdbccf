import Testing

@Suite struct CatalogSmokeTests {
    @Test("the target builds") func builds() { #expect(1 + 1 == 2) }
}
