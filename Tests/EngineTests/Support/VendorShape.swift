import Engine
import JSON
import TestSupport
import Testing

/// One real vendor's paging behaviour: the list operation as an integration file declares it,
/// the arguments it needs, and routes answering the way that vendor does.
struct VendorShape: Sendable, CustomTestStringConvertible {
    /// A short name for test output.
    let name: String
    /// How many items the vendor holds (numbered 1…itemCount).
    let itemCount: Int
    /// The largest page the vendor serves.
    let pageMax: Int
    /// The members of the operation `list` (without its key).
    let operation: String
    /// The arguments a call needs besides `limit`/`next_cursor`.
    let arguments: JSONObject
    /// Adds the vendor's routes.
    let install: @Sendable (inout Router) -> Void

    /// The name, in test output.
    var testDescription: String { name }

    /// A router with the vendor's routes.
    var router: Router {
        var router = Router()
        install(&router)
        return router
    }

    /// A harness with the vendor and its list tool `vendor_things_list`.
    func harness(options: EngineOptions = EngineOptions(), operationExtras: String = "") throws -> EngineHarness {
        let extras = operationExtras.isEmpty ? "" : ", " + operationExtras
        return try EngineHarness(router: router, options: options, operations: #""list": {\#(operation)\#(extras)}"#)
    }

    /// Every shape of DESIGN.md §4's pagination table.
    static let all: [VendorShape] = [
        .github(relativeLinks: false), .github(relativeLinks: true), .salesforce, .hubspot, .jira, .zendesk, .stripe,
        .notion, .pipedrive, .pageNumbers,
    ]
}
