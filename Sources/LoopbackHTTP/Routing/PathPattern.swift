/// A path template such as `/repos/{owner}/{repo}/issues`, matched segment by segment against raw paths.
struct PathPattern: Sendable {
    private enum Segment: Sendable {
        case literal(String)
        case capture(String)
    }

    private let segments: [Segment]

    /// Parses `pattern`; a segment written `{name}` captures, any other segment must match exactly.
    init(_ pattern: String) {
        segments = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { segment in
            if segment.count > 2 && segment.hasPrefix("{") && segment.hasSuffix("}") {
                return .capture(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
    }

    /// The raw (still percent-encoded) captured segments when `path` matches, else nil.
    ///
    /// Segment counts must be equal, so `/a/` does not match `/a`; a capture never matches an
    /// empty segment.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), parts.count == segments.count else { return nil }
        var captures: [String: String] = [:]
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part == text else { return nil }
            case .capture(let name):
                guard !part.isEmpty else { return nil }
                captures[name] = String(part)
            }
        }
        return captures
    }
}
