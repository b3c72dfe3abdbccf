/// Finds the accounts of an integration in the environment (the accounts convention).
///
/// An account is a suffix `__NAME` (`NAME` of `[A-Za-z0-9_-]`, case kept) on the variables an
/// integration references: `GITHUB_TOKEN__WORK` makes the account `WORK`. An account's environment
/// is the process environment with each referenced `VAR` replaced by `VAR__NAME` when that is set;
/// a credential (a variable `auth` references) is never borrowed from the unsuffixed set, so an
/// account that lacks its own credential is incomplete rather than silently someone else's.
/// Other settings (a base URL, a site name) fall back to the unsuffixed value, then to the default.
package struct AccountDiscovery: Sendable {
    /// The process environment.
    package var environment: [String: String]

    /// Creates a discovery over an environment.
    package init(environment: [String: String]) {
        self.environment = environment
    }

    /// The account names found for these references, sorted.
    package func accounts(for references: VariableReferences) -> [String] {
        var found: Set<String> = []
        for key in environment.keys {
            // A variable may itself contain `__`: try every split whose stem the file references.
            var from = key.startIndex
            while let separator = key[from...].firstRange(of: "__") {
                let stem = String(key[key.startIndex..<separator.lowerBound])
                let suffix = String(key[separator.upperBound...])
                if references.names.contains(stem), Self.isAccountName(suffix) { found.insert(suffix) }
                from = key.index(after: separator.lowerBound)
            }
        }
        return found.sorted()
    }

    /// The environment an account's settings are read from.
    package func environment(of account: String, references: VariableReferences) -> [String: String] {
        var overlay = environment
        for name in references.names {
            if let value = environment[name + "__" + account] {
                overlay[name] = value
            } else if references.credentials.contains(name) {
                overlay.removeValue(forKey: name)
            }
        }
        return overlay
    }

    /// Whether `name` is an account name: `[A-Za-z0-9_-]+`, not starting with `_` (which would
    /// make `A___B` ambiguous), and not `default` (the name of the unsuffixed account).
    package static func isAccountName(_ name: String) -> Bool {
        guard !name.isEmpty, name != AccountSet.defaultName, !name.hasPrefix("_") else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == 95 || byte == 45
        }
    }
}
