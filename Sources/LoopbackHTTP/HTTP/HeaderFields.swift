import Foundation

/// Lookups shared by everything that holds HTTP header fields as an ordered list of pairs.
enum HeaderFields {
    /// The value of the first field named `name`, compared case-insensitively.
    static func value(of name: String, in fields: [(name: String, value: String)]) -> String? {
        fields.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// True when any field named `name` lists `token` among its comma-separated values (case-insensitive).
    static func contains(token: String, in name: String, of fields: [(name: String, value: String)]) -> Bool {
        fields.contains { field in
            field.name.caseInsensitiveEquals(name)
                && field.value.split(separator: ",").contains {
                    $0.trimmingCharacters(in: .whitespaces).caseInsensitiveEquals(token)
                }
        }
    }
}

extension StringProtocol {
    /// ASCII case-insensitive equality, as HTTP field names and tokens require.
    func caseInsensitiveEquals(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }
}
