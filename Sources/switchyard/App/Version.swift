/// The version `switchyard --version` prints and `serverInfo` reports.
enum Version {
    static let current = "0.1.0"
}
