import JSON

/// The accounts of one integration: the same file read with several sets of variables
/// (``AccountDiscovery``). Each member is a complete ``Integration`` whose ``Integration/account``
/// names it (`nil` for the default account, the unsuffixed variables).
package struct AccountSet: Sendable {
    /// The name the default account answers to in the `account` parameter.
    package static let defaultName = "default"

    /// The accounts, the default first (when there is one), then by name.
    package let members: [Integration]

    /// Creates a set; `members` must share one integration name.
    package init(members: [Integration]) {
        self.members = members.sorted { left, right in
            switch (left.account, right.account) {
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?): return a < b
            }
        }
    }

    /// Whether the unsuffixed variables make an account.
    package var hasDefault: Bool { members.first?.account == nil }

    /// Whether a call must (or may) choose: more than one account.
    package var isChoice: Bool { members.count > 1 }

    /// The names a call may pass, `default` first when there is a default account.
    package var names: [String] { members.map { $0.account ?? Self.defaultName } }

    /// The account a call without an `account` argument uses, if there is one.
    package var fallback: Integration? { isChoice ? (hasDefault ? members.first : nil) : members.first }

    /// The account called `name` (`default` for the default account).
    package func member(named name: String) -> Integration? {
        members.first { ($0.account ?? Self.defaultName) == name }
    }

    /// The account a call's arguments choose, or the reason they choose none.
    package func choose(_ arguments: JSONObject) -> Result<Integration, AccountChoiceError> {
        guard let given = arguments["account"] else {
            if let fallback { return .success(fallback) }
            return .failure(AccountChoiceError("account: required, one of \(names.joined(separator: ", "))"))
        }
        guard case .string(let name) = given, let member = member(named: name) else {
            return .failure(AccountChoiceError("account: must be one of \(names.joined(separator: ", "))"))
        }
        return .success(member)
    }
}

/// Why a call's `account` argument names no account of the integration.
package struct AccountChoiceError: Error, Sendable, Equatable {
    /// The message, naming the accounts there are.
    package var message: String

    /// Creates an error.
    package init(_ message: String) {
        self.message = message
    }
}
