import JSON

extension StripeEmulation {
    /// One customer of the emulated account.
    package struct Customer: Sendable {
        /// The customer id, e.g. `cus_Rb9Kd2LmQx81Va`.
        package let id: String
        /// The full name.
        package let name: String
        /// The email address.
        package let email: String
        /// The creation time, in Unix seconds.
        package let created: Int
        /// Whether the object carries every field Stripe sends (`address`, `currency`, `phone`…) or
        /// only ``commonFields``.
        package let complete: Bool

        /// A customer; `complete` unless told otherwise.
        package init(id: String, name: String, email: String, created: Int, complete: Bool = true) {
            self.id = id
            self.name = name
            self.email = email
            self.created = created
            self.complete = complete
        }

        /// The fields an incomplete customer keeps: small enough that 150 of them fit in one tool result.
        static let commonFields: Set<String> = [
            "id", "object", "balance", "created", "email", "invoice_settings", "livemode", "metadata", "name",
            "test_clock",
        ]

        /// The customer object as Stripe returns it, noise included.
        var json: JSONValue {
            let full: JSONObject = [
                "id": .string(id), "object": "customer", "address": nil, "balance": 0,
                "created": .int(Int64(created)), "currency": nil, "default_source": nil, "delinquent": false,
                "description": nil, "discount": nil, "email": .string(email),
                "invoice_prefix": .string(String(id.suffix(8)).uppercased()),
                "invoice_settings": [
                    "custom_fields": nil, "default_payment_method": nil, "footer": nil, "rendering_options": nil,
                ],
                "livemode": false, "metadata": [:], "name": .string(name), "next_invoice_sequence": 1,
                "phone": nil, "preferred_locales": [], "shipping": nil, "tax_exempt": "none", "test_clock": nil,
            ]
            guard !complete else { return .object(full) }
            var common: JSONObject = [:]
            for member in full where Self.commonFields.contains(member.key) { common[member.key] = member.value }
            return .object(common)
        }
    }

    /// The harbor account's three customers, newest first: the account of the recorded sessions
    /// (`Tests/Fixtures/sessions/stripe-customers` holds them byte for byte).
    package static let harborCustomers: [Customer] = [
        Customer(
            id: "cus_Rb9Kd2LmQx81Va", name: "Ada Lovelace", email: "ada@harbor.example.org", created: 1_767_139_200),
        Customer(
            id: "cus_Rb7Hs0PzYc44Tn", name: "Grace Hopper", email: "grace@harbor.example.org", created: 1_767_052_800),
        Customer(
            id: "cus_Rb2Fw6JtUe19Lk", name: "Katherine Johnson", email: "katherine@harbor.example.org",
            created: 1_766_966_400),
    ]

    /// 160 numbered customers, newest first (``customerID(_:)``, `Customer N`, `customerN@example.com`),
    /// with the common fields only: enough for a walk over Stripe's 100-item pages.
    package static let numberedCustomers: [Customer] = (1...160).map { rank in
        Customer(
            id: customerID(rank), name: "Customer \(rank)", email: "customer\(rank)@example.com",
            created: 1_790_000_000 - rank, complete: false)
    }

    /// The id of the `rank`-th newest numbered customer (1 is the newest), e.g. `cus_P0042`.
    package static func customerID(_ rank: Int) -> String {
        "cus_P" + String(repeating: "0", count: 4 - String(rank).count) + String(rank)
    }
}
