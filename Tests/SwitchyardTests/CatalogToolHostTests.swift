import Catalog
import Engine
import JSON
import MCP
import TestSupport
import Testing

@testable import switchyard

/// `CatalogToolHost` started without a catalogue (the server answers `initialize` while the
/// integration files load): listing and calling wait for the first catalogue.
@Suite struct CatalogToolHostTests {
    /// A transport that refuses every request: these tests never reach a vendor.
    private struct RefusingTransport: HTTPTransport {
        func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
            throw TransportError(.connectFailed, "no network in this test")
        }
    }

    private static func loadCatalog(in directory: TemporaryDirectory) throws -> Catalog {
        try directory.write(
            "acme.json",
            #"""
            {"name": "acme", "description": "A test vendor for the tool host.", "base_url": "http://127.0.0.1:9",
             "resources": {"widgets": {"description": "Widgets.", "operations": {
               "get": {"request": "GET /widgets/{id}", "description": "Get one widget by its identifier.",
                       "parameters": {"id": {"in": "path", "type": "string", "description": "The widget's id."}}}}}}}
            """#)
        let result = CatalogLoader(paths: [directory.path], environment: [:]).load()
        #expect(!result.hasErrors)
        return result.catalog
    }

    @Test("tools() asked before the catalogue is provided answers with it once it is, and nothing is announced")
    func listingWaitsForTheCatalogue() async throws {
        let directory = try TemporaryDirectory()
        let host = CatalogToolHost(engine: ToolEngine(transport: RefusingTransport()))
        #expect(host.catalog == nil)
        let changes = host.changes()
        let listing = Task { await host.tools().map(\.name) }
        host.provide(try Self.loadCatalog(in: directory))
        #expect(await listing.value == ["acme_widgets_get"])
        #expect(host.catalog?.tools.count == 1)
        host.finish()
        var announced = 0
        for await _ in changes { announced += 1 }
        #expect(announced == 0)
    }

    @Test("a call made before the catalogue is provided runs against it once it is")
    func callWaitsForTheCatalogue() async throws {
        let directory = try TemporaryDirectory()
        let host = CatalogToolHost(engine: ToolEngine(transport: RefusingTransport()))
        let known = Task { await host.call("acme_widgets_get", arguments: ["id": "1"], context: ToolCallContext()) }
        let unknown = Task { await host.call("acme_gadgets_get", arguments: [:], context: ToolCallContext()) }
        host.provide(try Self.loadCatalog(in: directory))
        let result = await known.value
        #expect(result?.isError == true)
        #expect(result?.text.contains("network") == true)
        #expect(await unknown.value == nil)
    }

    @Test("replace() after provide() announces the change")
    func replaceAnnounces() async throws {
        let directory = try TemporaryDirectory()
        let catalog = try Self.loadCatalog(in: directory)
        let host = CatalogToolHost(engine: ToolEngine(transport: RefusingTransport()))
        let changes = host.changes()
        host.provide(catalog)
        host.replace(catalog)
        host.finish()
        var announced = 0
        for await _ in changes { announced += 1 }
        #expect(announced == 1)
    }
}
