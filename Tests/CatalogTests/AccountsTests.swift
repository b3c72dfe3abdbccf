import Catalog
import Foundation
import JSON
import Testing

/// The accounts convention: `VAR__ACCOUNT` variables make further accounts of an integration.
@Suite struct AccountsTests {
    private static let file = #"""
        {"name": "acct", "description": "A vendor with accounts.",
         "base_url": "${ACCT_URL:-https://api.acct.test}", "auth": {"type": "bearer", "token": "${ACCT_TOKEN}"},
         "resources": {"things": {"description": "Things.", "operations": {
           "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                   "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}}}}}
        """#

    private static func load(_ environment: [String: String], filter: ToolFilter = ToolFilter()) throws
        -> CatalogLoadResult
    {
        let path = NSTemporaryDirectory() + "accounts-\(UUID().uuidString).json"
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return CatalogLoader(paths: [path], environment: environment, filter: filter).load()
    }

    @Test("one set of variables: one account, no parameter, as before")
    func single() throws {
        let result = try Self.load(["ACCT_TOKEN": "t"])
        let tool = try #require(result.catalog.tool(named: "acct_things_get"))
        #expect(tool.inputSchema["properties"]?["account"] == nil)
        #expect(result.catalog.accounts["acct"]?.isChoice == false)
    }

    @Test("a default and a suffixed account: an optional enum with `default` first")
    func defaultAndNamed() throws {
        let result = try Self.load(["ACCT_TOKEN": "t", "ACCT_TOKEN__Work-2": "w", "ACCT_URL": "https://eu.acct.test"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let tool = try #require(result.catalog.tool(named: "acct_things_get"))
        #expect(tool.inputSchema["properties"]?["account"]?["enum"] == ["default", "Work-2"])
        #expect(tool.inputSchema["required"] == ["id"])
        let set = try #require(result.catalog.accounts["acct"])
        #expect(set.member(named: "Work-2")?.auth == .bearer(token: "w"))
        #expect(set.member(named: "Work-2")?.baseURL == "https://eu.acct.test", "non-credentials fall back")
        #expect(result.catalog.integrations["acct"]?.account == nil)
        guard case .success(let (_, chosen)) = result.catalog.account(for: tool, arguments: ["account": "Work-2"])
        else {
            Issue.record("Work-2 was not chosen")
            return
        }
        #expect(chosen.auth == .bearer(token: "w"))
        guard case .success(let (_, fallback)) = result.catalog.account(for: tool, arguments: [:]) else {
            Issue.record("no default")
            return
        }
        #expect(fallback.auth == .bearer(token: "t"))
    }

    @Test("a credential is never borrowed from the unsuffixed set: an account without its own is left out")
    func credentialsNotBorrowed() throws {
        let result = try Self.load(["ACCT_TOKEN": "t", "ACCT_URL__EU": "https://eu.acct.test"])
        #expect(result.catalog.accounts["acct"]?.names == ["default"])
        #expect(
            result.diagnostics.contains { $0.message.contains("account 'EU'") && $0.message.contains("ACCT_TOKEN__EU") }
        )
    }

    @Test("no default: the parameter is required, and a call without it is refused")
    func noDefault() throws {
        let result = try Self.load(["ACCT_TOKEN__A": "a", "ACCT_TOKEN__B": "b"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let tool = try #require(result.catalog.tool(named: "acct_things_get"))
        #expect(tool.inputSchema["required"] == ["id", "account"])
        #expect(tool.validator.validate(["id": "1"]).isEmpty == false)
        guard case .failure(let error) = result.catalog.account(for: tool, arguments: ["id": "1"]) else {
            Issue.record("a call without an account was routed")
            return
        }
        #expect(error.message.contains("A, B"))
        if case .success = result.catalog.account(for: tool, arguments: ["account": ["A"]]) {
            Issue.record("a non-string account was accepted")
        }
    }

    @Test("--only NAME:ACCOUNT keeps one account (case folded when unambiguous); an unknown one is an error")
    func onlyFilter() throws {
        var filter = ToolFilter(only: ["acct"])
        filter.accounts = ["acct": ["work"]]
        let result = try Self.load(["ACCT_TOKEN__WORK": "w", "ACCT_TOKEN__HOME": "h"], filter: filter)
        let tool = try #require(result.catalog.tool(named: "acct_things_get"))
        #expect(tool.inputSchema["properties"]?["account"] == nil)
        #expect(result.catalog.integrations["acct"]?.account == "WORK")
        filter.accounts = ["acct": ["nope"]]
        let refused = try Self.load(["ACCT_TOKEN__WORK": "w"], filter: filter)
        #expect(refused.catalog.tools.isEmpty)
        #expect(refused.diagnostics.contains { $0.severity == .error && $0.message.contains("accounts: WORK") })
    }

    @Test("account names: letters, digits, _ and -, not `default`, not starting with _")
    func names() {
        for good in ["WORK", "work_2", "eu-west", "7"] { #expect(AccountDiscovery.isAccountName(good), "\(good)") }
        for bad in ["", "default", "_x", "a b", "ü", "a.b"] { #expect(!AccountDiscovery.isAccountName(bad), "\(bad)") }
    }
}
