import Catalog
import JSON
import MCP

/// `switchyard doctor [--only NAME]`: for each integration, whether its file is valid, its
/// variables are set, and its credentials work — by calling the operation the file marks
/// `"check": true` (a cheap identity call such as GitHub's `GET /user`). Exit 0 when every selected
/// integration is `ok`, 1 otherwise. Under `--replay` the check is answered from the cassette.
enum DoctorCommand {
    /// One integration's verdict.
    struct Finding: Sendable {
        /// The integration.
        var name: String
        /// `ok`, `unchecked`, `needs`, `file error`, or an error type of the check call
        /// (`unauthorized`, `forbidden`, `network`, `timeout`, …).
        var status: String
        /// What was found, for the person: the vendor's message, the variables to set.
        var detail: String

        /// Whether the integration is usable as far as doctor can tell.
        var passes: Bool { status == "ok" || status == "unchecked" }
    }

    static func run(_ options: Options, environment: [String: String]) async throws(UsageError) -> Int32 {
        let assembly = Assembly(options: options, environment: environment)
        var loader = assembly.loader
        loader.filter = ToolFilter(only: options.only)
        let loaded = assembly.load(using: loader, errorsOnly: true)
        let whole = CatalogSurvey.wholeLoader(like: loader).load()
        try CatalogSurvey(loaded: whole, whole: whole, filter: loader.filter).checkFilters()
        let (host, _, _) = try await assembly.makeHost(catalog: loaded.catalog)
        let redactor = assembly.secrets.redactor()
        // An integration with several accounts is checked once per account (`github:work`).
        let selected = loaded.statuses.filter { $0.state != .filteredOut }.flatMap {
            status -> [(IntegrationStatus, String?)] in
            guard status.state == .ready, let accounts = loaded.catalog.accounts[status.name], accounts.isChoice else {
                return [(status, nil)]
            }
            return accounts.names.map { (status, $0) }
        }
        var findings = await withTaskGroup(of: (Int, Finding).self) { group in
            for (index, (status, account)) in selected.enumerated() {
                group.addTask { (index, await examine(status, account: account, catalog: loaded.catalog, host: host)) }
            }
            var found: [(Int, Finding)] = []
            for await finding in group { found.append(finding) }
            return found.sorted { $0.0 < $1.0 }.map(\.1)
        }
        host.finish()
        for index in findings.indices { findings[index].detail = redactor.redact(findings[index].detail) }
        let nameWidth = max(11, findings.map(\.name.count).max() ?? 0)
        let statusWidth = max(6, findings.map(\.status.count).max() ?? 0)
        StandardOutput.write(pad("INTEGRATION", nameWidth) + "  " + pad("STATUS", statusWidth) + "  DETAIL")
        for finding in findings {
            StandardOutput.write(
                pad(finding.name, nameWidth) + "  " + pad(finding.status, statusWidth) + "  " + finding.detail)
        }
        let passing = findings.filter(\.passes).count
        if findings.isEmpty {
            StandardOutput.write("no integration files found in \(loader.paths.joined(separator: ", "))")
            return 1
        }
        StandardOutput.write("\(passing) of \(Plural.count(findings.count, "integration")) ok")
        return passing == findings.count ? 0 : 1
    }

    /// The verdict on one integration (or one of its accounts): its state, then the live check
    /// when it is ready.
    static func examine(
        _ status: IntegrationStatus, account: String? = nil, catalog: Catalog, host: CatalogToolHost
    ) async -> Finding {
        let name = account.map { "\(status.name):\($0)" } ?? status.name
        switch status.state {
        case .fileError:
            return Finding(
                name: name, status: "file error",
                detail: "\(status.file) has errors (switchyard validate \(status.file) lists them)")
        case .needsVariables(let variables):
            let plural = variables.count == 1 ? "" : "s"
            return Finding(
                name: name, status: "needs",
                detail: "set the environment variable\(plural) \(variables.joined(separator: ", "))")
        case .filteredOut, .ready:
            break
        }
        guard let tool = catalog.tools.first(where: { $0.integration == status.name && $0.operation.check }) else {
            return Finding(
                name: name, status: "unchecked",
                detail: "file valid, variables set; no operation is marked \"check\": true, so the credentials "
                    + "were not tried")
        }
        let request = "\(tool.operation.method) \(tool.operation.path)"
        var arguments: JSONObject = tool.kind == .list ? ["limit": 1] : JSONObject()
        if let account { arguments["account"] = .string(account) }
        guard let result = await host.call(tool.name, arguments: arguments, context: ToolCallContext()) else {
            return Finding(name: name, status: "unchecked", detail: "\(tool.name) is not served")
        }
        guard result.isError else {
            return Finding(
                name: name, status: "ok", detail: "\(request) accepted the credentials (\(tool.name))")
        }
        let error = result.structuredContent?["error"]
        let type = error?["type"]?.stringValue ?? "error"
        let verdict = type == "reauth_required" ? "unauthorized" : type
        var detail = request
        if let code = error?["status"]?.intValue { detail += ": HTTP \(code)" }
        detail += ": " + (error?["message"]?.stringValue ?? result.text)
        return Finding(name: name, status: verdict, detail: detail)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
