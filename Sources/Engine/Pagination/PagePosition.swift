import JSON

/// Where a list walk stands: which vendor page, fetched with which page size, and how many of
/// its items were already returned.
package struct PagePosition: Sendable, Equatable {
    /// How the vendor page is addressed.
    package enum Anchor: Sendable, Equatable {
        /// The first page (no cursor, offset 0 or the first page number).
        case start
        /// A vendor cursor value.
        case cursor(String)
        /// An item offset.
        case offset(Int)
        /// A page number.
        case page(Int)
        /// An absolute next-page URL (link header or next_url styles).
        case url(String)
    }

    /// The page.
    package var anchor: Anchor
    /// The page size the page was (or must be) fetched with, so a resumed page has the same items.
    package var pageSize: Int?
    /// How many items at the head of the page were already returned.
    package var skip: Int

    /// Creates a position.
    package init(anchor: Anchor, pageSize: Int? = nil, skip: Int = 0) {
        self.anchor = anchor
        self.pageSize = pageSize
        self.skip = skip
    }

    /// A key identifying the vendor page, for loop detection.
    var identity: String {
        switch anchor {
        case .start: return "start"
        case .cursor(let value): return "c:" + value
        case .offset(let value): return "o:\(value)"
        case .page(let value): return "p:\(value)"
        case .url(let value): return "u:" + value
        }
    }

    /// The position as cursor payload JSON.
    var json: JSONValue {
        var object = JSONObject()
        switch anchor {
        case .start: object["k"] = "s"
        case .cursor(let value):
            object["k"] = "c"
            object["c"] = .string(value)
        case .offset(let value):
            object["k"] = "o"
            object["o"] = .int(Int64(value))
        case .page(let value):
            object["k"] = "p"
            object["n"] = .int(Int64(value))
        case .url(let value):
            object["k"] = "u"
            object["u"] = .string(value)
        }
        if let pageSize { object["s"] = .int(Int64(pageSize)) }
        if skip > 0 { object["i"] = .int(Int64(skip)) }
        return .object(object)
    }

    /// Reads a position from cursor payload JSON; `nil` when anything is off.
    init?(json: JSONValue) {
        guard case .object(let object) = json, let kind = object["k"]?.stringValue else { return nil }
        switch kind {
        case "s": anchor = .start
        case "c":
            guard let value = object["c"]?.stringValue else { return nil }
            anchor = .cursor(value)
        case "o":
            guard let value = object["o"]?.intValue, value >= 0 else { return nil }
            anchor = .offset(Int(value))
        case "p":
            guard let value = object["n"]?.intValue else { return nil }
            anchor = .page(Int(value))
        case "u":
            guard let value = object["u"]?.stringValue else { return nil }
            anchor = .url(value)
        default: return nil
        }
        if let size = object["s"] {
            guard let value = size.intValue, value > 0 else { return nil }
            pageSize = Int(value)
        } else {
            pageSize = nil
        }
        if let skip = object["i"] {
            guard let value = skip.intValue, value >= 0 else { return nil }
            self.skip = Int(value)
        } else {
            skip = 0
        }
    }
}
