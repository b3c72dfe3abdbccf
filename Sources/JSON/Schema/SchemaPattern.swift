import Synchronization

/// A schema's compiled `pattern`, searched (not anchored), as JSON Schema specifies.
///
/// Matched on Unicode scalars, not grapheme clusters, and with `$` meaning what it meant under
/// ICU (`NSRegularExpression`), which this replaced: see ``icuDollars(_:)``.
/// `@unchecked Sendable`: `Regex` is an immutable value that is not declared `Sendable`;
/// the only state it mutates after creation is its lazily compiled program, which the
/// standard library stores with an atomic compare-and-swap, so sharing it across threads is safe.
struct SchemaPattern: @unchecked Sendable {
    /// The pattern as the schema wrote it.
    let source: String
    private let expression: Regex<AnyRegexOutput>

    /// Patterns compiled so far, by source: a schema is compiled several times per load (the
    /// file's check, the tool's validator, its cursor validator) and the same patterns recur
    /// across tools, while compiling a `Regex` is the dearest step of a load.
    private static let compiled = Mutex<[String: SchemaPattern?]>([:])

    /// Compiles `source`; `nil` when it is not a valid regular expression.
    init?(_ source: String) {
        if let known = Self.compiled.withLock({ $0[source] }) {
            guard let known else { return nil }
            self = known
            return
        }
        guard let expression = try? Regex(Self.icuDollars(source)) else {
            Self.compiled.withLock { if $0.count < 4096 { $0[source] = .some(nil) } }
            return nil
        }
        self.source = source
        self.expression = expression.matchingSemantics(.unicodeScalar)
        let made = self
        Self.compiled.withLock { if $0.count < 4096 { $0[source] = made } }
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        text.firstMatch(of: expression) != nil
    }

    /// ICU's `$` also matches before one line terminator that ends the text (`"x\n"` matches
    /// `^x$`); the standard library's matches only at the very end. So each `$` outside escapes,
    /// `\Q…\E` quotes and character classes becomes a lookahead with ICU's meaning — unless the
    /// pattern sets multiline mode (`(?m)`), where both already agree.
    static func icuDollars(_ source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        if source.contains("(?"), Self.setsMultiline(scalars) { return source }
        let dollar = #"(?=(?:\r\n|[\n\x0B\f\r\x{85}\x{2028}\x{2029}])?\z)"#
        var output = ""
        var index = 0
        var classDepth = 0
        var quoted = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                // Inside \Q…\E everything is literal up to the \E.
                if scalar == "\\", index < scalars.count, scalars[index] == "E" {
                    quoted = false
                    output += "\\E"
                    index += 1
                } else {
                    output.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\\" where index < scalars.count:
                let next = scalars[index]
                index += 1
                quoted = next == "Q"
                output.unicodeScalars.append(scalar)
                output.unicodeScalars.append(next)
                continue
            case "[": classDepth += 1
            case "]" where classDepth > 0: classDepth -= 1
            case "$" where classDepth == 0:
                output += dollar
                continue
            default: break
            }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    /// Whether a `(?flags)` or `(?flags:` group of the pattern mentions `m`.
    private static func setsMultiline(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + 1 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "(", scalars[index + 1] == "?" else { continue }
            var flag = index + 2
            while flag < scalars.count, scalars[flag].properties.isAlphabetic || scalars[flag] == "-" {
                if scalars[flag] == "m" { return true }
                flag += 1
            }
        }
        return false
    }
}
