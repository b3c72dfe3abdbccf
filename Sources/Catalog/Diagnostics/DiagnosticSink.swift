import JSON

/// Collects the diagnostics of one file while it is decoded (used on one thread at a time).
final class DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(at pointer: JSONPointer, _ message: String) {
        diagnostics.append(Diagnostic(file: file, pointer: pointer, severity: .error, message: message))
    }

    func warning(at pointer: JSONPointer, _ message: String) {
        diagnostics.append(Diagnostic(file: file, pointer: pointer, severity: .warning, message: message))
    }
}
