/// Reads RFC 8288 `Link` headers: `<url>; rel="next", <url>; rel="last"`.
package enum LinkHeader {
    /// The target of the first link whose `rel` includes `relation` (case-insensitive), or `nil`.
    package static func target(of relation: String, in header: String) -> String? {
        var rest = Substring(header)
        let wanted = relation.lowercased()
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let url = String(rest[rest.index(after: open)..<close])
            var parameters = rest[rest.index(after: close)...]
            // The parameters run until the next link, i.e. a comma outside quotes followed by '<'.
            var end = parameters.endIndex
            var inQuotes = false
            var index = parameters.startIndex
            while index < parameters.endIndex {
                let character = parameters[index]
                if character == "\"" { inQuotes.toggle() }
                if character == ",", !inQuotes,
                    parameters[parameters.index(after: index)...].drop(while: { $0 == " " }).first == "<"
                {
                    end = index
                    break
                }
                index = parameters.index(after: index)
            }
            let rels = relations(in: parameters[parameters.startIndex..<end])
            if rels.contains(wanted) { return url }
            parameters = end < parameters.endIndex ? parameters[parameters.index(after: end)...] : ""
            rest = parameters
        }
        return nil
    }

    private static func relations(in parameters: Substring) -> [String] {
        for part in parameters.split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            guard pieces.count == 2, pieces[0].trimmingSpaces().lowercased() == "rel" else { continue }
            var value = pieces[1].trimmingSpaces()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.lowercased().split(separator: " ").map(String.init)
        }
        return []
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
