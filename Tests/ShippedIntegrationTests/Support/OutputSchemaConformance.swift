import Catalog
import Engine
import JSON
import Testing

/// Every successful result of a shipped tool that declares an `outputSchema` must carry
/// `structuredContent` valid against it: clients (the official Python SDK, FastMCP) refuse the
/// result otherwise, and the model never sees it.
enum OutputSchemaConformance {
    /// Records an issue when `outcome` is a success of `tool` without conforming structured content.
    static func expect(_ outcome: ToolOutcome, of tool: Tool, sourceLocation: SourceLocation = #_sourceLocation) {
        guard !outcome.isError, let declared = tool.outputSchema else { return }
        guard let structured = outcome.structured else {
            Issue.record(
                "\(tool.name) declares an outputSchema but returned no structured content",
                sourceLocation: sourceLocation)
            return
        }
        do {
            let violations = try JSONSchema(declared).validate(structured)
            #expect(
                violations.isEmpty, "\(tool.name): \(violations.map(\.message))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(tool.name)'s outputSchema does not compile: \(error)", sourceLocation: sourceLocation)
        }
    }
}
