/// Natural-language tasks, phrased as a user would ask them, each with the shipped tool that should
/// be found for it: the yardstick of the discovery ranking (issue #14).
///
/// Written from the vendors' own vocabulary and from how people talk about their work, before the
/// ranker existed; do not edit a task to make the ranker look better. The tasks for the 51
/// operations issue #16 added were likewise written before the ranker was run on them. Every
/// shipped integration is covered, every tool at least once.
enum RelevanceSet {
    /// One task and the tool that should rank first for it.
    struct Task: Sendable {
        /// What the user said.
        let query: String
        /// The tool that answers it.
        let tool: String
    }

    /// The tasks, by integration.
    static let tasks: [Task] =
        github + hubspot + jira + msgraph + notion + pipedrive + salesforce + slack + stripe
        + zendesk

    private static func task(_ query: String, _ tool: String) -> Task { Task(query: query, tool: tool) }

    private static let github: [Task] = [
        task("show me the details of the apple/swift repository", "github_repositories_get"),
        task("what's the default branch of octocat/hello-world on GitHub", "github_repositories_get"),
        task("list my GitHub repos", "github_repositories_list"),
        task("which repositories do I collaborate on", "github_repositories_list"),
        task("which repositories does the vapor organization have on GitHub", "github_repositories_list_for_org"),
        task("list all repos in our GitHub org", "github_repositories_list_for_org"),
        task("show the open issues in the switchyard repo", "github_issues_list"),
        task("list GitHub issues labelled crash in acme/api", "github_issues_list"),
        task("read GitHub issue #42 in acme/api", "github_issues_get"),
        task("file a bug on GitHub about the login page crashing", "github_issues_create"),
        task("open a new issue in acme/web titled 'Broken footer'", "github_issues_create"),
        task("close GitHub issue 17 as completed", "github_issues_update"),
        task("add the needs-triage label to issue 12 on GitHub", "github_issues_update"),
        task("what did people say in the comments on GitHub issue 88", "github_issue_comments_list"),
        task("reply to GitHub issue 5 saying the fix is released", "github_issue_comments_create"),
        task("list open pull requests in acme/api", "github_pull_requests_list"),
        task("is PR 301 mergeable?", "github_pull_requests_get"),
        task("show the branches and merge state of pull request 9 in acme/api", "github_pull_requests_get"),
        task("who approved pull request 77", "github_reviews_list"),
        task("did anyone request changes in the code review of PR 12", "github_reviews_list"),
        task("search GitHub for open issues mentioning memory leak", "github_search_issues"),
        task("find Swift HTTP libraries with more than 100 stars on GitHub", "github_search_repositories"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("open a pull request from feature/login into main in acme/web", "github_pull_requests_create"),
        task("create a PR to merge my fix-typo branch into main", "github_pull_requests_create"),
        task("which files did pull request 42 change", "github_pull_requests_list_files"),
        task("show the diff of PR 301 in acme/api", "github_pull_requests_list_files"),
        task("show the inline review comments on the diff of PR 88", "github_review_comments_list"),
        task("what did reviewers say about line 40 of main.swift in pull request 12", "github_review_comments_list"),
        task("leave a review comment on line 10 of Sources/App.swift in PR 7", "github_review_comments_create"),
        task("reply to that inline code review comment on pull request 7", "github_review_comments_create"),
        task("read the README.md of acme/api on GitHub", "github_contents_get"),
        task("get the contents of Package.swift on the main branch", "github_contents_get"),
        task("list the files in the Sources directory of the repo", "github_contents_get"),
        task("search GitHub code for calls to parseHeader in acme/api", "github_search_code"),
        task("find which files in our org use the deprecated fetchUser function", "github_search_code"),
    ]

    private static let hubspot: [Task] = [
        task("list contacts in HubSpot", "hubspot_objects_list"),
        task("show all deals in our HubSpot CRM", "hubspot_objects_list"),
        task("show HubSpot tickets", "hubspot_objects_list"),
        task("look up the HubSpot contact with email ada@example.com", "hubspot_objects_get"),
        task("get HubSpot company record 1234 with its associated contacts", "hubspot_objects_get"),
        task("find HubSpot deals closing this month worth more than 10k", "hubspot_objects_search"),
        task("search HubSpot tickets mentioning refund", "hubspot_objects_search"),
        task("add a new contact to HubSpot for Grace Hopper", "hubspot_objects_create"),
        task("create a company in HubSpot called Initech", "hubspot_objects_create"),
        task("change the lifecycle stage of a HubSpot contact to customer", "hubspot_objects_update"),
        task("update the amount on HubSpot deal 987", "hubspot_objects_update"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("what properties does a HubSpot contact have", "hubspot_properties_list"),
        task("list the options of the deal type property in HubSpot", "hubspot_properties_list"),
        task("what are the stages of our HubSpot deal pipeline", "hubspot_pipelines_list"),
        task("list the HubSpot ticket pipelines", "hubspot_pipelines_list"),
        task("find the HubSpot owner id for sam@acme.com", "hubspot_owners_list"),
        task("list the HubSpot owners on the sales team", "hubspot_owners_list"),
        task("which contacts are associated with HubSpot deal 55", "hubspot_associations_list"),
        task("show the companies linked to this HubSpot contact", "hubspot_associations_list"),
        task("log a note on the HubSpot contact about today's call", "hubspot_notes_create"),
        task("add a note to HubSpot deal 987 that the customer wants a discount", "hubspot_notes_create"),
    ]

    private static let jira: [Task] = [
        task("close the Jira ticket ENG-12 as done", "jira_transitions_do"),
        task("move PROJ-7 to In Progress in Jira", "jira_transitions_do"),
        task("what statuses can Jira issue ENG-3 move to", "jira_transitions_list"),
        task("which workflow transitions are available for OPS-55", "jira_transitions_list"),
        task("find all unresolved Jira bugs assigned to me", "jira_issues_search"),
        task("run this JQL: project = ABC AND status = Open", "jira_issues_search"),
        task("show Jira tickets updated in the last day in project OPS", "jira_issues_search"),
        task("show me the description of Jira issue ENG-12", "jira_issues_get"),
        task("create a Jira story in project WEB for the new onboarding flow", "jira_issues_create"),
        task("log a bug in Jira about the checkout timeout", "jira_issues_create"),
        task("change the priority of ENG-44 to High in Jira", "jira_issues_update"),
        task("reassign the Jira issue ENG-9 to Priya", "jira_issues_update"),
        task("read the comments on Jira issue ENG-12", "jira_comments_list"),
        task("add a comment to Jira ENG-12 saying it's deployed", "jira_comments_add"),
        task("what Jira projects do we have", "jira_projects_list"),
        task("find the Jira accountId of maria@acme.com", "jira_users_search"),
        task("list the Jira users named Priya", "jira_users_search"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("log 2 hours of work on ENG-12", "jira_worklogs_add"),
        task("record time spent on Jira issue OPS-55", "jira_worklogs_add"),
        task("mark ENG-5 as blocking ENG-7 in Jira", "jira_issue_links_create"),
        task("link Jira issue WEB-3 as a duplicate of WEB-1", "jira_issue_links_create"),
        task("which issue types can I create in Jira project WEB", "jira_projects_issue_types"),
        task("does project OPS have an Epic issue type", "jira_projects_issue_types"),
        task("what fields are required to create a bug in Jira project ENG", "jira_projects_create_fields"),
        task("show the create screen fields for a Story in WEB", "jira_projects_create_fields"),
        task("what is the custom field id of Story Points in Jira", "jira_fields_list"),
        task("list all Jira fields including custom fields", "jira_fields_list"),
        task("who am I in Jira", "jira_users_myself"),
        task("what is my own Jira accountId", "jira_users_myself"),
    ]

    private static let msgraph: [Task] = [
        task("who in our Microsoft 365 directory has the job title engineer", "msgraph_users_list"),
        task("list everyone in the sales department in Azure AD", "msgraph_users_list"),
        task("look up the Microsoft 365 user ada@contoso.com", "msgraph_users_get"),
        task("list the security groups in our tenant", "msgraph_groups_list"),
        task("which distribution lists exist in Microsoft 365", "msgraph_groups_list"),
        task("find the Microsoft 365 group named Marketing", "msgraph_groups_list"),
        task("show unread emails in Ada's Outlook mailbox", "msgraph_messages_list"),
        task("find emails from the CFO about the budget in Outlook", "msgraph_messages_list"),
        task("read the full body of that Outlook email", "msgraph_messages_get"),
        task("what's on my calendar next week", "msgraph_events_calendar_view"),
        task("what meetings does Ada have tomorrow between 9 and 5", "msgraph_events_calendar_view"),
        task("list the recurring meeting series stored in Bob's Outlook calendar", "msgraph_events_list"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("who are the members of the Marketing group in Microsoft 365", "msgraph_groups_members"),
        task("list the people in the Engineering security group", "msgraph_groups_members"),
        task("send an email to bob@contoso.com from Outlook about the launch", "msgraph_messages_send"),
        task("email the team the quarterly report link", "msgraph_messages_send"),
        task("reply to that Outlook email saying I'll attend", "msgraph_messages_reply"),
        task("answer the CFO's email about the budget", "msgraph_messages_reply"),
        task("schedule a Teams meeting with Ada next Tuesday at 10", "msgraph_events_create"),
        task("put a dentist appointment in my Outlook calendar on Friday", "msgraph_events_create"),
    ]

    private static let notion: [Task] = [
        task("find the Notion page called Q3 roadmap", "notion_search"),
        task("search Notion for the onboarding doc", "notion_search"),
        task("find the Notion database for the bug tracker", "notion_search"),
        task("get the data source id of this Notion database", "notion_databases_get"),
        task("what columns does the Notion tasks table have", "notion_data_sources_get"),
        task("show the rows of the Notion bug tracker database where status is open", "notion_data_sources_query"),
        task("query the Notion table for tasks due this week", "notion_data_sources_query"),
        task("get the properties of a Notion page", "notion_pages_get"),
        task("read the Notion meeting notes page as markdown", "notion_pages_get_markdown"),
        task("what does the content of the Notion page say", "notion_pages_get_markdown"),
        task("create a new Notion page with the meeting notes", "notion_pages_create"),
        task("add a row to the Notion tasks database", "notion_pages_create"),
        task("move the Notion page to the trash", "notion_pages_update"),
        task("set the status property of a Notion page to Done", "notion_pages_update"),
        task("list the child blocks of a Notion block", "notion_blocks_list_children"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("add a paragraph to the end of the Notion page", "notion_blocks_append_children"),
        task("append a to-do list to the Notion meeting notes", "notion_blocks_append_children"),
        task("what comments are on the Notion page", "notion_comments_list"),
        task("show the discussion on the Notion roadmap page", "notion_comments_list"),
        task("comment on the Notion page that the spec is approved", "notion_comments_create"),
        task("reply in the Notion discussion thread", "notion_comments_create"),
        task("list the members of our Notion workspace", "notion_users_list"),
        task("find Ada's Notion user id", "notion_users_list"),
    ]

    private static let pipedrive: [Task] = [
        task("show my open deals in Pipedrive", "pipedrive_deals_list"),
        task("list Pipedrive deals in the negotiation stage of the sales pipeline", "pipedrive_deals_list"),
        task("what is the value of Pipedrive deal 42", "pipedrive_deals_get"),
        task("add a deal for Acme worth 5000 EUR to Pipedrive", "pipedrive_deals_create"),
        task("mark the Pipedrive deal 42 as won", "pipedrive_deals_update"),
        task("move deal 17 to the proposal stage in Pipedrive", "pipedrive_deals_update"),
        task("list all people in Pipedrive at organization 5", "pipedrive_persons_list"),
        task("get the phone number of Pipedrive person 301", "pipedrive_persons_get"),
        task("add a new contact person John Smith to Pipedrive", "pipedrive_persons_create"),
        task("change the email address of Pipedrive person 301", "pipedrive_persons_update"),
        task("list the companies in Pipedrive", "pipedrive_organizations_list"),
        task("what's the address of Pipedrive organization 12", "pipedrive_organizations_get"),
        task("add the company Globex to Pipedrive", "pipedrive_organizations_create"),
        task("rename Pipedrive organization 12 to Globex Corp", "pipedrive_organizations_update"),
        task("what calls and meetings do I have scheduled in Pipedrive", "pipedrive_activities_list"),
        task("show Pipedrive activity 900", "pipedrive_activities_get"),
        task("schedule a follow-up call with the client in Pipedrive on Friday", "pipedrive_activities_create"),
        task("mark the Pipedrive meeting activity as done", "pipedrive_activities_update"),
        task("find the Pipedrive contact whose email is bob@initech.com", "pipedrive_items_search"),
        task("search Pipedrive for anything about Initech", "pipedrive_items_search"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("list the sales pipelines in Pipedrive", "pipedrive_pipelines_list"),
        task("what stages does the Pipedrive sales pipeline have", "pipedrive_stages_list"),
        task("get the stage id of Negotiation in Pipedrive", "pipedrive_stages_list"),
        task("list the users of our Pipedrive company account", "pipedrive_users_list"),
        task("find the Pipedrive user id of the sales rep Maria", "pipedrive_users_list"),
        task("what custom fields do Pipedrive deals have", "pipedrive_deal_fields_list"),
        task("find the key of the Pipedrive deal field 'Contract length'", "pipedrive_deal_fields_list"),
        task("list the custom fields on Pipedrive persons", "pipedrive_person_fields_list"),
        task("show the notes on Pipedrive deal 42", "pipedrive_notes_list"),
        task("add a note to the Pipedrive deal about the pricing call", "pipedrive_notes_create"),
        task("write a note on Pipedrive person 301", "pipedrive_notes_create"),
    ]

    private static let salesforce: [Task] = [
        task("run a SOQL query for all accounts in the energy industry", "salesforce_query_run"),
        task("list Salesforce opportunities closing this quarter", "salesforce_query_run"),
        task("search Salesforce for anything named Acme", "salesforce_search"),
        task("full-text search for contacts called Smith across Salesforce", "salesforce_search"),
        task("get the Salesforce account 001xx000003DGb2", "salesforce_records_get"),
        task("show me all the fields of Salesforce contact 003xx000004TmiQ", "salesforce_records_get"),
        task("create a new lead in Salesforce for Jane Doe at Initech", "salesforce_records_create"),
        task("open a Salesforce case for the customer", "salesforce_records_create"),
        task("update the stage of a Salesforce opportunity to Closed Won", "salesforce_records_update"),
        task("change the phone number of a Salesforce contact", "salesforce_records_update"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("upsert a Salesforce account by its external id ERP_Id__c", "salesforce_records_upsert"),
        task("create or update the Salesforce contact matching external ID 778", "salesforce_records_upsert"),
        task("delete the Salesforce lead 00Qxx000001", "salesforce_records_delete"),
        task("remove this duplicate contact from Salesforce", "salesforce_records_delete"),
        task("what fields does the Salesforce Opportunity object have", "salesforce_records_describe"),
        task("describe the Salesforce Case sObject and its picklist values", "salesforce_records_describe"),
    ]

    private static let slack: [Task] = [
        task("which Slack channels do we have", "slack_conversations_list"),
        task("find the ID of the #general channel", "slack_conversations_list"),
        task("what's the topic of the Slack channel C123", "slack_conversations_info"),
        task("what did people post in #incidents today", "slack_conversations_history"),
        task("read the latest messages in the Slack channel", "slack_conversations_history"),
        task("show the replies in that Slack thread", "slack_conversations_replies"),
        task("list members of the Slack workspace", "slack_users_list"),
        task("who is on our Slack team", "slack_users_list"),
        task("what time zone is Slack user U123 in", "slack_users_info"),
        task("get the profile of Slack member U42", "slack_users_info"),
        task("send a message to #deploys saying the release is out", "slack_chat_post_message"),
        task("post in Slack that the build is green", "slack_chat_post_message"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("who is in the #incidents channel", "slack_conversations_members"),
        task("list the members of Slack channel C123", "slack_conversations_members"),
        task("find the Slack user with email ada@acme.com", "slack_users_lookup_by_email"),
        task("what's the Slack user ID for bob@example.com", "slack_users_lookup_by_email"),
        task("edit the message the bot posted in #deploys to fix the typo", "slack_chat_update"),
        task("update the Slack message the bot sent to say the deploy finished", "slack_chat_update"),
        task("get a link to that Slack message", "slack_chat_get_permalink"),
        task("share the permalink of the Slack message in #general", "slack_chat_get_permalink"),
        task("react with :eyes: to the message in Slack", "slack_reactions_add"),
        task("add a thumbsup emoji to that Slack message", "slack_reactions_add"),
    ]

    private static let stripe: [Task] = [
        task("find the Stripe customer with email ada@example.com", "stripe_customers_list"),
        task("list our newest Stripe customers", "stripe_customers_list"),
        task("what is the balance of Stripe customer cus_123", "stripe_customers_get"),
        task("add a new customer in Stripe", "stripe_customers_create"),
        task("show unpaid invoices", "stripe_invoices_list"),
        task("list the open invoices for customer cus_123", "stripe_invoices_list"),
        task("get the line items on invoice in_456", "stripe_invoices_get"),
        task("draft an invoice for customer cus_9 for the consulting work", "stripe_invoices_create"),
        task("which customers have an active subscription", "stripe_subscriptions_list"),
        task("list canceled subscriptions", "stripe_subscriptions_list"),
        task("when does the current period of subscription sub_789 end", "stripe_subscriptions_get"),
        task("subscribe cus_123 to the pro plan price", "stripe_subscriptions_create"),
        task("who paid us last week", "stripe_payment_intents_list"),
        task("list the payments from customer cus_5", "stripe_payment_intents_list"),
        task("why did payment pi_123 fail", "stripe_payment_intents_get"),
        task("charge the customer 20 dollars", "stripe_payment_intents_create"),
        task("list refunds issued this month", "stripe_refunds_list"),
        task("show all refunds for payment pi_3", "stripe_refunds_list"),
        task("what's the status of refund re_55", "stripe_refunds_get"),
        task("refund the customer's last payment", "stripe_refunds_create"),
        task("give Ada her money back for payment pi_777", "stripe_refunds_create"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("search Stripe customers whose name contains Acme", "stripe_customers_search"),
        task("find Stripe customers with metadata crm_id 42", "stripe_customers_search"),
        task("finalize the draft invoice in_456", "stripe_invoices_finalize"),
        task("finalize the Stripe invoice so it can be paid", "stripe_invoices_finalize"),
        task("email invoice in_456 to the customer", "stripe_invoices_send"),
        task("send the Stripe invoice to the customer now", "stripe_invoices_send"),
        task("add a line item of 200 USD to the draft invoice", "stripe_invoice_items_create"),
        task("add a one-off setup fee to the customer's next Stripe invoice", "stripe_invoice_items_create"),
        task("switch subscription sub_789 to the annual price", "stripe_subscriptions_update"),
        task("cancel the subscription at the end of the billing period", "stripe_subscriptions_update"),
        task("change the quantity of seats on subscription sub_1", "stripe_subscriptions_update"),
        task("cancel subscription sub_789 immediately", "stripe_subscriptions_cancel"),
        task("stop billing the customer right now, end their subscription", "stripe_subscriptions_cancel"),
        task("list the card charges for customer cus_5 with their receipt URLs", "stripe_charges_list"),
        task("show the failed charges and their decline reasons", "stripe_charges_list"),
    ]

    private static let zendesk: [Task] = [
        task("list all Zendesk tickets", "zendesk_tickets_list"),
        task("show Zendesk ticket 4521", "zendesk_tickets_get"),
        task("what's the status of support ticket #812", "zendesk_tickets_get"),
        task("open a support ticket for the customer whose invoice is wrong", "zendesk_tickets_create"),
        task("file a ticket in Zendesk for a broken login", "zendesk_tickets_create"),
        task("set Zendesk ticket 812 to solved", "zendesk_tickets_update"),
        task("assign Zendesk ticket 812 to agent Sam and raise its priority to urgent", "zendesk_tickets_update"),
        task("reply to the customer on Zendesk ticket 812", "zendesk_tickets_comment"),
        task("add an internal note to Zendesk ticket 4521", "zendesk_tickets_comment"),
        task("read the conversation on Zendesk ticket 4521", "zendesk_comments_list"),
        task("list Zendesk agents", "zendesk_users_list"),
        task("list the end users in Zendesk", "zendesk_users_list"),
        task("who is Zendesk user 3001", "zendesk_users_get"),
        task("find open Zendesk tickets assigned to me", "zendesk_search"),
        task("search Zendesk for the user with email ada@example.com", "zendesk_search"),
        // Added with the catalogue's 51 new operations (issue #16), written before ranking them.
        task("which Zendesk user is this API token", "zendesk_users_me"),
        task("who am I in Zendesk", "zendesk_users_me"),
        task("list the tickets requested by Zendesk user 3001", "zendesk_users_requested_tickets"),
        task("what tickets has this customer opened in Zendesk", "zendesk_users_requested_tickets"),
        task("what custom ticket fields do we have in Zendesk", "zendesk_ticket_fields_list"),
        task("find the id of the 'Product area' ticket field in Zendesk", "zendesk_ticket_fields_list"),
        task("list the organizations in Zendesk", "zendesk_organizations_list"),
        task("which customer companies are in Zendesk", "zendesk_organizations_list"),
    ]
}
