import JSON

/// The `pagination` block of a list operation: how the vendor pages, described as data.
package struct PaginationConfig: Sendable, Hashable {
    /// The vendor's paging style.
    package enum Style: String, Sendable, Hashable, CaseIterable {
        /// One page only.
        case none
        /// An opaque vendor cursor from the body (or the last item) sent back as a parameter.
        case cursor
        /// An item offset (`startAt`, `start`).
        case offset
        /// A page number.
        case page
        /// RFC 8288 `Link: <…>; rel="next"`.
        case linkHeader = "link_header"
        /// A URL of the next page inside the body.
        case nextURL = "next_url"
    }

    /// Where a parameter goes: the query string or the JSON body.
    package enum Placement: String, Sendable, Hashable {
        /// The query string.
        case query
        /// The JSON request body.
        case body
    }

    /// The vendor's page-size parameter.
    package struct PageSize: Sendable, Hashable {
        /// Its name on the wire.
        package var param: String
        /// Where it goes.
        package var placement: Placement
        /// The vendor's largest page.
        package var max: Int

        /// Creates a page-size setting.
        package init(param: String, placement: Placement = .query, max: Int) {
            self.param = param
            self.placement = placement
            self.max = max
        }
    }

    /// Where the next cursor comes from and how it is sent.
    package struct Cursor: Sendable, Hashable {
        /// Its name on the wire.
        package var param: String
        /// Where it goes.
        package var placement: Placement
        /// A pointer into the response body holding the next cursor.
        package var from: JSONPointer?
        /// A pointer into the last item of the page holding the next cursor (Stripe's `/id`).
        package var fromLastItem: JSONPointer?

        /// Creates a cursor setting.
        package init(
            param: String, placement: Placement = .query, from: JSONPointer? = nil, fromLastItem: JSONPointer? = nil
        ) {
            self.param = param
            self.placement = placement
            self.from = from
            self.fromLastItem = fromLastItem
        }
    }

    /// The style.
    package var style: Style
    /// Where the items are in a page's body (root = the body is the array).
    package var records: JSONPointer
    /// The page-size parameter, if the vendor takes one.
    package var pageSize: PageSize?
    /// The cursor setting (style `cursor`).
    package var cursor: Cursor?
    /// A pointer to a boolean saying whether more pages exist.
    package var hasMore: JSONPointer?
    /// The offset parameter's wire name (style `offset`).
    package var offsetParam: String?
    /// Where the offset parameter goes.
    package var offsetPlacement: Placement
    /// A pointer to the vendor's total count.
    package var total: JSONPointer?
    /// The page-number parameter's wire name (style `page`).
    package var pageParam: String?
    /// The number of the first page (style `page`, default 1).
    package var firstPage: Int
    /// A pointer to the number of pages (style `page`).
    package var totalPages: JSONPointer?
    /// A pointer to the next page's URL (style `next_url`).
    package var next: JSONPointer?
    /// A pointer to a boolean that is true on the last page (style `next_url`, Salesforce `done`).
    package var done: JSONPointer?
    /// The most items one call may return (default 500).
    package var maxLimit: Int
    /// The items one call returns when `limit` is not given (default 25).
    package var defaultLimit: Int

    /// Creates a pagination configuration; only ``style`` is required.
    package init(
        style: Style, records: JSONPointer = .root, pageSize: PageSize? = nil, cursor: Cursor? = nil,
        hasMore: JSONPointer? = nil, offsetParam: String? = nil, offsetPlacement: Placement = .query,
        total: JSONPointer? = nil, pageParam: String? = nil, firstPage: Int = 1, totalPages: JSONPointer? = nil,
        next: JSONPointer? = nil, done: JSONPointer? = nil, maxLimit: Int = 500, defaultLimit: Int = 25
    ) {
        self.style = style
        self.records = records
        self.pageSize = pageSize
        self.cursor = cursor
        self.hasMore = hasMore
        self.offsetParam = offsetParam
        self.offsetPlacement = offsetPlacement
        self.total = total
        self.pageParam = pageParam
        self.firstPage = firstPage
        self.totalPages = totalPages
        self.next = next
        self.done = done
        self.maxLimit = maxLimit
        self.defaultLimit = defaultLimit
    }
}
