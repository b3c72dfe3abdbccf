/// Replaces `${NAME}` and `${NAME:-default}` in strings from an environment.
///
/// A variable that is unset (or set to the empty string, for the `:-` form, as in the shell)
/// takes its default; one with no default is reported as missing and replaced by nothing.
/// Defaults may themselves hold references: `${ZENDESK_URL:-https://${ZENDESK_SUBDOMAIN}.zendesk.com}`.
package struct EnvironmentInterpolator: Sendable {
    /// The variables available.
    package var environment: [String: String]

    /// Creates an interpolator over an environment.
    package init(environment: [String: String]) {
        self.environment = environment
    }

    /// The interpolated string and the names of the variables that were needed but unset.
    ///
    /// An unset variable without a default is replaced by `missingReplacement` (nothing by default).
    package func interpolate(_ text: String, missingReplacement: String = "") -> (value: String, missing: [String]) {
        guard text.contains("${") else { return (text, []) }
        var result = ""
        var missing: [String] = []
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            result += rest[rest.startIndex..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = Self.closingBrace(in: afterOpen) else {
                // Unclosed: keep the `${` as written and look for a reference after it.
                result += "${"
                rest = afterOpen
                continue
            }
            let (name, fallback) = Self.split(afterOpen[afterOpen.startIndex..<close])
            guard Self.isValidName(name) else {
                // Not a reference: keep the `${` as written and look for a reference after it.
                result += "${"
                rest = afterOpen
                continue
            }
            let value = environment[String(name)]
            if let value, !(value.isEmpty && fallback != nil) {
                result += value
            } else if let fallback {
                let nested = interpolate(String(fallback), missingReplacement: missingReplacement)
                result += nested.value
                missing += nested.missing
            } else {
                missing.append(String(name))
                result += missingReplacement
            }
            rest = afterOpen[afterOpen.index(after: close)...]
        }
        result += rest
        return (result, missing)
    }

    /// The variable names a string references, defaults or not.
    package static func references(in text: String) -> [String] {
        var names: [String] = []
        forEachReference(in: text) { name, _ in names.append(name) }
        return names
    }

    /// The variables a string references with a numeric default (`${SLACK_HISTORY_REQUESTS:-1}`):
    /// settings that must read as numbers, unlike the URLs, names and credentials of the others.
    package static func numericSettings(in text: String) -> Set<String> {
        var names: Set<String> = []
        forEachReference(in: text) { name, fallback in
            if let fallback, Double(fallback) != nil { names.insert(name) }
        }
        return names
    }

    /// Calls `visit` with each reference's name and default, in order, nested references included.
    private static func forEachReference(in text: String, _ visit: (String, Substring?) -> Void) {
        var rest = Substring(text)
        while let start = rest.firstRange(of: "${") {
            guard let close = closingBrace(in: rest[start.upperBound...]) else {
                rest = rest[start.upperBound...]
                continue
            }
            let (name, fallback) = split(rest[start.upperBound..<close])
            guard isValidName(name) else {
                rest = rest[start.upperBound...]
                continue
            }
            visit(String(name), fallback)
            if let fallback { forEachReference(in: String(fallback), visit) }
            rest = rest[rest.index(after: close)...]
        }
    }

    /// The `}` that closes a reference whose `${` was just consumed, skipping nested references.
    private static func closingBrace(in text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "$", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "{" {
                depth += 1
                index = text.index(index, offsetBy: 2)
                continue
            }
            if character == "}" {
                if depth == 0 { return index }
                depth -= 1
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// Splits the text between `${` and `}` into the name and the `:-` default, if any.
    private static func split(_ body: Substring) -> (name: Substring, fallback: Substring?) {
        guard let separator = body.firstRange(of: ":-") else { return (body, nil) }
        return (body[body.startIndex..<separator.lowerBound], body[separator.upperBound...])
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first | 0x20 >= 97 && first | 0x20 <= 122)
        else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
        }
    }
}
