import TestSupport

/// A shipped integration file and the variables that point it, credentials included, at one
/// loopback server (its OAuth token endpoint too).
enum CatalogueVendor: String, Sendable {
    case github, hubspot, jira, msgraph, notion, pipedrive, salesforce, slack, stripe, zendesk

    /// The file in `Integrations/`.
    var file: String { rawValue + ".json" }

    /// Whether the file authenticates with OAuth2 (then token requests reach the server too).
    var usesOAuth: Bool { self == .msgraph || self == .salesforce }

    /// The path prefix every API request carries on the emulated server.
    var pathPrefix: String {
        switch self {
        case .slack: "/api"
        case .msgraph: "/v1.0"
        case .salesforce: "/services/data/v62.0"
        default: ""
        }
    }

    /// The variables the file needs, with every base URL at `base`.
    func environment(_ base: String) -> [String: String] {
        switch self {
        case .github: ["GITHUB_API_URL": base, "GITHUB_TOKEN": "ghp_catalogue"]
        case .hubspot: ["HUBSPOT_API_URL": base, "HUBSPOT_TOKEN": "pat-catalogue"]
        case .jira: ["JIRA_BASE_URL": base, "JIRA_EMAIL": "ada@example.com", "JIRA_API_TOKEN": "jira-catalogue"]
        case .msgraph:
            [
                "MSGRAPH_API_URL": base + "/v1.0", "MSGRAPH_LOGIN_URL": base, "MSGRAPH_TENANT_ID": "tenant",
                "MSGRAPH_CLIENT_ID": "client", "MSGRAPH_CLIENT_SECRET": "graph-secret",
            ]
        case .notion: ["NOTION_API_URL": base, "NOTION_TOKEN": "ntn_catalogue"]
        case .pipedrive: ["PIPEDRIVE_BASE_URL": base, "PIPEDRIVE_API_TOKEN": "pd-catalogue"]
        case .salesforce:
            [
                "SALESFORCE_INSTANCE_URL": base, "SALESFORCE_LOGIN_URL": base, "SALESFORCE_CLIENT_ID": "client",
                "SALESFORCE_CLIENT_SECRET": "sf-secret", "SALESFORCE_REFRESH_TOKEN": "sf-refresh",
            ]
        case .slack: ["SLACK_API_URL": base + "/api", "SLACK_BOT_TOKEN": "xoxb-catalogue"]
        case .stripe: ["STRIPE_API_URL": base, "STRIPE_API_KEY": "sk_test_catalogue"]
        case .zendesk: ["ZENDESK_BASE_URL": base, "ZENDESK_EMAIL": "agent@example.com", "ZENDESK_API_TOKEN": "zd"]
        }
    }

    /// Whether `request` went to the OAuth token endpoint rather than the API.
    static func isTokenRequest(_ request: ReceivedRequest) -> Bool {
        request.path.hasSuffix("/oauth2/token") || request.path.hasSuffix("/oauth2/v2.0/token")
    }
}
