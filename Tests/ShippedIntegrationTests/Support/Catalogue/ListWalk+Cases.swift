/// The list tools issue #16 added (and Slack's history, whose page size became a variable).
extension ListWalk {
    private static func cursor(
        _ records: String, next: [String], param: String, size: String, hasMore: [String]? = nil
    ) -> PageStyle {
        .cursor(records: [records], next: next, param: param, size: size, hasMore: hasMore)
    }

    private static let hubspotPages = cursor(
        "results", next: ["paging", "next", "after"], param: "after", size: "limit")
    private static let notionPages = cursor(
        "results", next: ["next_cursor"], param: "start_cursor", size: "page_size", hasMore: ["has_more"])
    private static let pipedrivePages = cursor(
        "data", next: ["additional_data", "next_cursor"], param: "cursor", size: "limit")
    private static let slackMessages = cursor(
        "messages", next: ["response_metadata", "next_cursor"], param: "cursor", size: "limit")
    private static func zendeskPages(_ records: String) -> PageStyle {
        cursor(
            records, next: ["meta", "after_cursor"], param: "page[after]", size: "page[size]",
            hasMore: ["meta", "has_more"])
    }
    private static func jiraPages(_ records: String) -> PageStyle {
        .offset(records: [records], param: "startAt", size: "maxResults", total: ["total"])
    }

    static let all: [ListWalk] = [
        ListWalk(
            vendor: .github, tool: "github_pull_requests_list_files",
            arguments: #""owner": "octo", "repo": "hello", "pull_number": 7"#, path: "/repos/octo/hello/pulls/7/files",
            style: .link(records: [])),
        ListWalk(
            vendor: .github, tool: "github_review_comments_list",
            arguments: #""owner": "octo", "repo": "hello", "pull_number": 7"#,
            path: "/repos/octo/hello/pulls/7/comments", style: .link(records: [])),
        ListWalk(
            vendor: .github, tool: "github_search_code", arguments: #""q": "parse repo:octo/hello""#,
            path: "/search/code", style: .link(records: ["items"]), query: ["q": "parse repo:octo/hello"]),
        ListWalk(
            vendor: .hubspot, tool: "hubspot_properties_list", arguments: #""object_type": "deals""#,
            path: "/crm/v3/properties/deals", style: .single(records: ["results"])),
        ListWalk(
            vendor: .hubspot, tool: "hubspot_pipelines_list", arguments: #""object_type": "tickets""#,
            path: "/crm/v3/pipelines/tickets", style: .single(records: ["results"])),
        ListWalk(
            vendor: .hubspot, tool: "hubspot_owners_list", arguments: #""email": "ada@example.com""#,
            path: "/crm/v3/owners", style: hubspotPages, query: ["email": "ada@example.com"]),
        ListWalk(
            vendor: .hubspot, tool: "hubspot_associations_list",
            arguments: #""object_type": "deals", "record_id": "101", "to_object_type": "contacts""#,
            path: "/crm/v4/objects/deals/101/associations/contacts", style: hubspotPages),
        ListWalk(
            vendor: .jira, tool: "jira_fields_list", arguments: #""type": "custom""#, path: "/rest/api/3/field/search",
            style: jiraPages("values"), query: ["type": "custom"]),
        ListWalk(
            vendor: .jira, tool: "jira_projects_issue_types", arguments: #""project_key": "ABC""#,
            path: "/rest/api/3/issue/createmeta/ABC/issuetypes", style: jiraPages("issueTypes")),
        ListWalk(
            vendor: .jira, tool: "jira_projects_create_fields",
            arguments: #""project_key": "ABC", "issue_type_id": "10001""#,
            path: "/rest/api/3/issue/createmeta/ABC/issuetypes/10001", style: jiraPages("fields")),
        ListWalk(
            vendor: .msgraph, tool: "msgraph_groups_members", arguments: #""group_id": "g-1""#,
            path: "/groups/g-1/members", style: .nextLink),
        ListWalk(
            vendor: .notion, tool: "notion_comments_list", arguments: #""block_id": "b-1""#, path: "/v1/comments",
            style: notionPages, query: ["block_id": "b-1"]),
        ListWalk(vendor: .notion, tool: "notion_users_list", arguments: "", path: "/v1/users", style: notionPages),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_pipelines_list", arguments: "", path: "/api/v2/pipelines",
            style: pipedrivePages),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_stages_list", arguments: #""pipeline_id": 3"#, path: "/api/v2/stages",
            style: pipedrivePages, query: ["pipeline_id": "3"]),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_users_list", arguments: "", path: "/api/v1/users",
            style: .single(records: ["data"])),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_deal_fields_list", arguments: "", path: "/api/v2/dealFields",
            style: pipedrivePages),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_person_fields_list", arguments: "", path: "/api/v2/personFields",
            style: pipedrivePages),
        ListWalk(
            vendor: .pipedrive, tool: "pipedrive_notes_list", arguments: #""deal_id": 5"#, path: "/api/v1/notes",
            style: .offset(
                records: ["data"], param: "start", size: "limit",
                hasMore: ["additional_data", "pagination", "more_items_in_collection"]),
            query: ["deal_id": "5"]),
        ListWalk(
            vendor: .slack, tool: "slack_conversations_members", arguments: #""channel": "C1""#,
            path: "/conversations.members", style: .slackIDs, query: ["channel": "C1"]),
        ListWalk(
            vendor: .slack, tool: "slack_conversations_history", arguments: #""channel": "C1""#,
            path: "/conversations.history", style: slackMessages, query: ["channel": "C1", "limit": "15"],
            overrides: ["SLACK_HISTORY_REQUESTS": "50"]),
        ListWalk(
            vendor: .slack, tool: "slack_conversations_replies", arguments: #""channel": "C1", "ts": "1.2""#,
            path: "/conversations.replies", style: slackMessages, query: ["ts": "1.2", "limit": "200"],
            overrides: ["SLACK_HISTORY_PAGE_SIZE": "200", "SLACK_HISTORY_REQUESTS": "50"]),
        ListWalk(
            vendor: .stripe, tool: "stripe_customers_search", arguments: #""query": "name~\"acme\"""#,
            path: "/v1/customers/search",
            style: cursor("data", next: ["next_page"], param: "page", size: "limit", hasMore: ["has_more"]),
            query: ["query": #"name~"acme""#]),
        ListWalk(
            vendor: .stripe, tool: "stripe_charges_list", arguments: #""customer": "cus_1""#, path: "/v1/charges",
            style: .lastItem, query: ["customer": "cus_1"]),
        ListWalk(
            vendor: .zendesk, tool: "zendesk_ticket_fields_list", arguments: "", path: "/api/v2/ticket_fields",
            style: zendeskPages("ticket_fields")),
        ListWalk(
            vendor: .zendesk, tool: "zendesk_organizations_list", arguments: "", path: "/api/v2/organizations",
            style: zendeskPages("organizations")),
        ListWalk(
            vendor: .zendesk, tool: "zendesk_users_requested_tickets", arguments: #""user_id": 42"#,
            path: "/api/v2/users/42/tickets/requested", style: zendeskPages("tickets")),
    ]
}
