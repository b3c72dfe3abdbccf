import Foundation
import JSON
import TestSupport

extension VendorShape {
    /// GitHub: `per_page` (max here 20) and `page`, `Link` with first/prev before next and last.
    ///
    /// With absolute links the rels are quoted and one link carries a quoted title with a comma;
    /// with relative links the rels are bare tokens.
    static func github(relativeLinks: Bool) -> VendorShape {
        let total = 95
        let max = 20
        return VendorShape(
            name: relativeLinks ? "GitHub Link (relative, bare rel)" : "GitHub Link (absolute, quoted rel)",
            itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /repos/{owner}/{repo}/issues",
                "description": "List issues in a repository, newest first.",
                "parameters": {
                    "owner": {"in": "path", "type": "string", "description": "Account owning the repository."},
                    "repo": {"in": "path", "type": "string", "description": "Repository name."},
                    "state": {"in": "query", "type": "string", "default": "open", "description": "Which issues."}
                },
                "pagination": {"style": "link_header", "page_size": {"param": "per_page", "max": 20}}
                """#,
            arguments: ["owner": "octo", "repo": "hello"],
            install: { router in
                router.on("GET", "/repos/{owner}/{repo}/issues") { request, parameters in
                    let perPage = min(VendorItems.int(request, "per_page", 30), max)
                    let page = VendorItems.int(request, "page", 1)
                    let (items, end) = VendorItems.slice(from: (page - 1) * perPage, size: perPage, total: total)
                    let lastPage = (total + perPage - 1) / perPage
                    let root =
                        (relativeLinks ? "" : VendorItems.origin(of: request))
                        + "/repos/\(parameters.raw["owner"] ?? "")/\(parameters.raw["repo"] ?? "")/issues"
                    func link(_ number: Int, _ rel: String) -> String {
                        let target = "<\(root)?state=open&per_page=\(perPage)&page=\(number)>"
                        return relativeLinks ? "\(target); rel=\(rel)" : "\(target); rel=\"\(rel)\""
                    }
                    var links: [String] = []
                    if page > 1 {
                        links.append(link(1, "first") + (relativeLinks ? "" : "; title=\"first, <page>\""))
                        links.append(link(page - 1, "prev"))
                    }
                    if end < total { links += [link(page + 1, "next"), link(lastPage, "last")] }
                    return VendorItems.reply(
                        items, headers: links.isEmpty ? [] : [("Link", links.joined(separator: ", "))])
                }
            })
    }

    /// Salesforce SOQL: batches of 20 the client cannot size, `nextRecordsUrl` (relative) until `done`.
    static let salesforce: VendorShape = {
        let total = 95
        let batch = 20
        return VendorShape(
            name: "Salesforce nextRecordsUrl + done", itemCount: total, pageMax: batch,
            operation: #"""
                "request": "GET /services/data/v59.0/query",
                "description": "Run a SOQL query and list the matching records.",
                "parameters": {"q": {"in": "query", "type": "string", "required": true, "description": "SOQL query."}},
                "pagination": {"style": "next_url", "records": "/records", "next": "/nextRecordsUrl", "done": "/done",
                               "total": "/totalSize"}
                """#,
            arguments: ["q": "SELECT Id FROM Account"],
            install: { router in
                @Sendable func page(from start: Int) -> ServerReply {
                    let (items, end) = VendorItems.slice(from: start, size: batch, total: total)
                    var body: JSONObject = ["totalSize": .int(Int64(total)), "done": .bool(end >= total)]
                    if end < total {
                        body["nextRecordsUrl"] = .string("/services/data/v59.0/query/01gRO0000016PIAYA2-\(end)")
                    }
                    body["records"] = items
                    return VendorItems.reply(.object(body))
                }
                router.on("GET", "/services/data/v59.0/query") { request, _ in
                    request.queryValue("q") == nil
                        ? .json(400, #"[{"message":"q is required","errorCode":"MALFORMED_QUERY"}]"#) : page(from: 0)
                }
                router.on("GET", "/services/data/v59.0/query/{locator}") { _, parameters in
                    let locator = parameters["locator"] ?? ""
                    guard let dash = locator.lastIndex(of: "-"), let start = Int(locator[locator.index(after: dash)...])
                    else {
                        return .json(400, #"[{"message":"invalid query locator","errorCode":"INVALID_QUERY_LOCATOR"}]"#)
                    }
                    return page(from: start)
                }
            })
    }()

    /// A page-number API: `page` from 1, `per_page` (max 20), `meta.total_pages` and `meta.total_count`.
    static let pageNumbers: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "page numbers + total_pages", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /api/widgets",
                "description": "List widgets in creation order.",
                "pagination": {"style": "page", "records": "/data", "page": {"param": "page", "first": 1},
                               "page_size": {"param": "per_page", "max": 20}, "total_pages": "/meta/total_pages",
                               "total": "/meta/total_count"}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/api/widgets") { request, _ in
                    let perPage = min(VendorItems.int(request, "per_page", 10), max)
                    let page = VendorItems.int(request, "page", 1)
                    let (items, _) = VendorItems.slice(from: (page - 1) * perPage, size: perPage, total: total)
                    let meta: JSONValue = [
                        "page": .int(Int64(page)), "per_page": .int(Int64(perPage)),
                        "total_pages": .int(Int64((total + perPage - 1) / perPage)), "total_count": .int(Int64(total)),
                    ]
                    return VendorItems.reply(["data": items, "meta": meta])
                }
            })
    }()
}
