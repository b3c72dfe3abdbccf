import Testing

/// One list tool of the catalogue, the request its vendor receives and how that vendor pages.
struct ListWalk: Sendable, CustomTestStringConvertible {
    let vendor: CatalogueVendor
    let tool: String
    /// The tool's arguments as JSON members, without `limit` (the walk asks for three items).
    let arguments: String
    /// The path the vendor receives, without the vendor's prefix (`/api` for Slack…).
    let path: String
    let style: PageStyle
    /// Query values the first request must carry (filters, constants).
    var query: [String: String] = [:]
    /// Variables set on top of the vendor's own.
    var overrides: [String: String] = [:]

    var testDescription: String { tool + (overrides.isEmpty ? "" : " with \(overrides)") }

    /// Whether the vendor pages this list (two requests) or returns it whole (one).
    var pages: Bool {
        if case .single = style { return false }
        return true
    }

    /// The full argument object of the walk.
    var callArguments: String {
        arguments.isEmpty ? #"{"limit": 3}"# : #"{"limit": 3, \#(arguments)}"#
    }
}
