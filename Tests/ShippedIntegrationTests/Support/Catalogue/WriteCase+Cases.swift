/// The write tools issue #16 added or changed, and the reads whose request shape is worth pinning
/// (a path with slashes, a custom sObject), each with the request its vendor documents.
extension WriteCase {
    private static let stripeVersion = ["Stripe-Version": "2026-08-26.dahlia"]

    static let all: [WriteCase] = github + crm + workspace + stripe

    private static let github: [WriteCase] = [
        WriteCase(
            vendor: .github, tool: "github_pull_requests_create",
            arguments:
                #"{"owner": "octo", "repo": "hello", "title": "Add parser", "head": "feature", "base": "main", "draft": true}"#,
            method: "POST", path: "/repos/octo/hello/pulls",
            body: .json(#"{"title": "Add parser", "head": "feature", "base": "main", "draft": true}"#), status: 201),
        WriteCase(
            vendor: .github, tool: "github_review_comments_create",
            arguments:
                #"{"owner": "octo", "repo": "hello", "pull_number": 7, "body": "nit", "commit_id": "abc1", "path": "src/a.swift", "line": 12, "side": "RIGHT"}"#,
            method: "POST", path: "/repos/octo/hello/pulls/7/comments",
            body: .json(#"{"body": "nit", "commit_id": "abc1", "path": "src/a.swift", "line": 12, "side": "RIGHT"}"#),
            status: 201),
        WriteCase(
            vendor: .github, tool: "github_contents_get",
            arguments: #"{"owner": "octo", "repo": "hello", "path": "Sources/main.swift", "ref": "main"}"#,
            method: "GET", path: "/repos/octo/hello/contents/Sources%2Fmain.swift", query: ["ref": "main"],
            body: .none),
    ]

    private static let crm: [WriteCase] = [
        WriteCase(
            vendor: .hubspot, tool: "hubspot_notes_create",
            arguments:
                #"{"body": "Called", "timestamp": "2026-11-02T09:30:00Z", "associations": [{"to": {"id": "101"}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 202}]}]}"#,
            method: "POST", path: "/crm/v3/objects/notes",
            body: .json(
                #"{"properties": {"hs_note_body": "Called", "hs_timestamp": "2026-11-02T09:30:00Z"}, "associations": [{"to": {"id": "101"}, "types": [{"associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 202}]}]}"#
            ), status: 201),
        WriteCase(
            vendor: .pipedrive, tool: "pipedrive_notes_create", arguments: #"{"content": "Called", "deal_id": 5}"#,
            method: "POST", path: "/api/v1/notes", body: .json(#"{"content": "Called", "deal_id": 5}"#), status: 201),
        WriteCase(
            vendor: .salesforce, tool: "salesforce_records_upsert",
            arguments:
                #"{"sobject": "Invoice__c", "external_id_field": "ERP_Id__c", "external_id": "INV-9", "values": {"Amount__c": 10}}"#,
            method: "PATCH", path: "/sobjects/Invoice__c/ERP_Id__c/INV-9", body: .json(#"{"Amount__c": 10}"#),
            reply: #"{"id": "a01000000000001AAA", "created": true, "success": true, "errors": []}"#, status: 201),
        WriteCase(
            vendor: .salesforce, tool: "salesforce_records_delete",
            arguments: #"{"sobject": "Invoice__c", "record_id": "a01000000000001AAA"}"#, method: "DELETE",
            path: "/sobjects/Invoice__c/a01000000000001AAA", body: .none, reply: "", status: 204),
        WriteCase(
            vendor: .salesforce, tool: "salesforce_records_describe", arguments: #"{"sobject": "Invoice__c"}"#,
            method: "GET", path: "/sobjects/Invoice__c/describe", body: .none),
        WriteCase(
            vendor: .zendesk, tool: "zendesk_users_me", arguments: "{}", method: "GET", path: "/api/v2/users/me",
            body: .none),
        WriteCase(
            vendor: .jira, tool: "jira_worklogs_add",
            arguments: #"{"issue_key": "ABC-1", "time_spent": "2h 30m", "started": "2026-11-02T09:30:00.000+0000"}"#,
            method: "POST", path: "/rest/api/3/issue/ABC-1/worklog",
            body: .json(#"{"timeSpent": "2h 30m", "started": "2026-11-02T09:30:00.000+0000"}"#), status: 201),
        WriteCase(
            vendor: .jira, tool: "jira_issue_links_create",
            arguments: #"{"type": "Blocks", "inward_issue": "ABC-1", "outward_issue": "ABC-2"}"#, method: "POST",
            path: "/rest/api/3/issueLink",
            body: .json(
                #"{"type": {"name": "Blocks"}, "inwardIssue": {"key": "ABC-1"}, "outwardIssue": {"key": "ABC-2"}}"#),
            reply: "", status: 201),
        WriteCase(
            vendor: .jira, tool: "jira_users_myself", arguments: "{}", method: "GET", path: "/rest/api/3/myself",
            body: .none),
    ]

    private static let workspace: [WriteCase] = [
        WriteCase(
            vendor: .msgraph, tool: "msgraph_messages_send",
            arguments:
                #"{"user": "u-1", "subject": "Hi", "body": "Hello", "to_recipients": [{"emailAddress": {"address": "bob@example.com"}}]}"#,
            method: "POST", path: "/users/u-1/sendMail",
            body: .json(
                #"{"message": {"subject": "Hi", "body": {"content": "Hello", "contentType": "Text"}, "toRecipients": [{"emailAddress": {"address": "bob@example.com"}}]}}"#
            ), reply: "", status: 202),
        WriteCase(
            vendor: .msgraph, tool: "msgraph_messages_reply",
            arguments: #"{"user": "u-1", "message_id": "m-1", "comment": "Thanks"}"#, method: "POST",
            path: "/users/u-1/messages/m-1/reply", body: .json(#"{"comment": "Thanks"}"#), reply: "", status: 202),
        WriteCase(
            vendor: .msgraph, tool: "msgraph_events_create",
            arguments:
                #"{"user": "u-1", "subject": "Sync", "start": {"dateTime": "2026-11-02T09:30:00", "timeZone": "UTC"}, "end": {"dateTime": "2026-11-02T10:00:00", "timeZone": "UTC"}, "location": "Room 1"}"#,
            method: "POST", path: "/users/u-1/events",
            body: .json(
                #"{"subject": "Sync", "start": {"dateTime": "2026-11-02T09:30:00", "timeZone": "UTC"}, "end": {"dateTime": "2026-11-02T10:00:00", "timeZone": "UTC"}, "location": {"displayName": "Room 1"}}"#
            ), status: 201),
        WriteCase(
            vendor: .notion, tool: "notion_blocks_append_children",
            arguments: #"{"block_id": "b-1", "children": [{"type": "divider", "divider": {}}]}"#, method: "PATCH",
            path: "/v1/blocks/b-1/children", body: .json(#"{"children": [{"type": "divider", "divider": {}}]}"#)),
        WriteCase(
            vendor: .notion, tool: "notion_comments_create",
            arguments: #"{"page_id": "p-1", "rich_text": [{"type": "text", "text": {"content": "Looks good"}}]}"#,
            method: "POST", path: "/v1/comments",
            body: .json(
                #"{"parent": {"page_id": "p-1"}, "rich_text": [{"type": "text", "text": {"content": "Looks good"}}]}"#)),
        WriteCase(
            vendor: .slack, tool: "slack_chat_update", arguments: #"{"channel": "C1", "ts": "1.2", "text": "edited"}"#,
            method: "POST", path: "/chat.update", body: .json(#"{"channel": "C1", "ts": "1.2", "text": "edited"}"#)),
        WriteCase(
            vendor: .slack, tool: "slack_reactions_add",
            arguments: #"{"channel": "C1", "timestamp": "1.2", "name": "eyes"}"#, method: "POST",
            path: "/reactions.add", body: .json(#"{"channel": "C1", "timestamp": "1.2", "name": "eyes"}"#)),
        WriteCase(
            vendor: .slack, tool: "slack_users_lookup_by_email", arguments: #"{"email": "ada@example.com"}"#,
            method: "GET", path: "/users.lookupByEmail", query: ["email": "ada@example.com"], body: .none),
        WriteCase(
            vendor: .slack, tool: "slack_chat_get_permalink", arguments: #"{"channel": "C1", "message_ts": "1.2"}"#,
            method: "GET", path: "/chat.getPermalink", query: ["channel": "C1", "message_ts": "1.2"], body: .none),
    ]

    private static let stripe: [WriteCase] = [
        WriteCase(
            vendor: .stripe, tool: "stripe_invoice_items_create",
            arguments: #"{"customer": "cus_1", "invoice": "in_1", "price": "price_1", "quantity": 2}"#, method: "POST",
            path: "/v1/invoiceitems",
            body: .form(["customer=cus_1", "invoice=in_1", "pricing[price]=price_1", "quantity=2"]),
            headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_invoices_create",
            arguments: #"{"customer": "cus_1", "pending_invoice_items_behavior": "include"}"#, method: "POST",
            path: "/v1/invoices", body: .form(["customer=cus_1", "pending_invoice_items_behavior=include"]),
            headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_invoices_finalize",
            arguments: #"{"invoice_id": "in_1", "auto_advance": false}"#,
            method: "POST", path: "/v1/invoices/in_1/finalize", body: .form(["auto_advance=false"]),
            headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_invoices_send", arguments: #"{"invoice_id": "in_1"}"#, method: "POST",
            path: "/v1/invoices/in_1/send", body: .none, headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_subscriptions_update",
            arguments:
                #"{"subscription_id": "sub_1", "items": [{"id": "si_1", "price": "price_2"}], "proration_behavior": "none"}"#,
            method: "POST", path: "/v1/subscriptions/sub_1",
            body: .form(["items[0][id]=si_1", "items[0][price]=price_2", "proration_behavior=none"]),
            headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_subscriptions_cancel",
            arguments: #"{"subscription_id": "sub_1", "invoice_now": true, "prorate": false}"#, method: "DELETE",
            path: "/v1/subscriptions/sub_1", query: ["invoice_now": "true", "prorate": "false"], body: .none,
            headers: stripeVersion),
        WriteCase(
            vendor: .stripe, tool: "stripe_payment_intents_create",
            arguments:
                #"{"amount": 1999, "currency": "usd", "payment_method": "pm_card_visa", "confirm": true, "return_url": "https://example.com/done", "automatic_payment_methods": {"enabled": true, "allow_redirects": "never"}}"#,
            method: "POST", path: "/v1/payment_intents",
            body: .form([
                "amount=1999", "automatic_payment_methods[allow_redirects]=never",
                "automatic_payment_methods[enabled]=true", "confirm=true", "currency=usd",
                "payment_method=pm_card_visa", "return_url=https://example.com/done",
            ]), headers: stripeVersion),
    ]
}
