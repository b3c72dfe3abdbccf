import Catalog
import JSON
import Testing

/// `"confirm": true` in integration files and the `--confirm` policies that read it.
@Suite struct ConfirmationPolicyTests {
    /// The fixture plus a `create` and a `delete` operation on `widgets`.
    private func load(_ edit: (inout JSONValue) throws -> Void = { _ in }) throws -> CatalogLoadResult {
        try Load.acme { document in
            try document.set(
                "/resources/widgets/operations/create",
                [
                    "request": "POST /widgets", "description": "Create a widget. Use only when the user asked for one.",
                ])
            try document.set(
                "/resources/widgets/operations/delete",
                [
                    "request": "DELETE /widgets/{id}", "description": "Delete a widget for good; it cannot be undone.",
                    "parameters": ["id": ["in": "path", "type": "string", "description": "The widget's id."]],
                ])
            try edit(&document)
        }
    }

    private func needing(_ policy: ConfirmationPolicy, in result: CatalogLoadResult) -> [String] {
        result.catalog.tools.filter { policy.requiresConfirmation($0) }.map(\.name)
    }

    @Test("destructive (the default) names deletes and marked operations; writes every non-read; none nothing")
    func policies() throws {
        let plain = try load()
        #expect(plain.diagnostics.isEmpty, "\(plain.diagnostics.map(\.description))")
        #expect(needing(.destructive, in: plain) == ["acme_widgets_delete"])
        #expect(needing(.writes, in: plain) == ["acme_widgets_create", "acme_widgets_delete"])
        #expect(needing(.none, in: plain).isEmpty)
        let marked = try load { try $0.set("/resources/widgets/operations/create/confirm", true) }
        #expect(marked.diagnostics.isEmpty)
        #expect(needing(.destructive, in: marked) == ["acme_widgets_create", "acme_widgets_delete"])
    }

    @Test("a resource's mark covers all its operations, reads included, and an operation cannot lift it")
    func resourceMark() throws {
        let result = try load { document in
            try document.set("/resources/widgets/confirm", true)
            try document.set("/resources/widgets/operations/create/confirm", false)
        }
        #expect(result.diagnostics.isEmpty)
        #expect(needing(.destructive, in: result).count == 4)
        #expect(needing(.none, in: result).isEmpty)
    }

    @Test("confirm must be a boolean, at the resource and at the operation")
    func notBoolean() throws {
        let result = try load { document in
            try document.set("/resources/widgets/confirm", "yes")
            try document.set("/resources/widgets/operations/delete/confirm", 1)
        }
        #expect(
            Set(result.errors.map(\.pointer.description)) == [
                "/resources/widgets/confirm", "/resources/widgets/operations/delete/confirm",
            ])
    }
}
