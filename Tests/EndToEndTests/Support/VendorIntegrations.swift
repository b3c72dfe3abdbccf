import Foundation
import TestSupport

/// The integration files the end-to-end suites serve, written to a temporary directory.
///
/// `acme` (bearer token) has `items` (tag `store`: list, get, create) and `reports` (tag
/// `analytics`: search, delete); `beta` (an API key in the query, tag `store`) has `widgets` (get, list).
/// Both take their base URL from the environment, so each test points them at its own vendor.
///
/// | tool | kind | request |
/// | --- | --- | --- |
/// | `acme_items_list` | list | `GET /items` (cursor pages of at most 2, `/data`, next cursor at `/next`) |
/// | `acme_items_get` | get | `GET /items/{item_id}`, header `X-Trace` from `trace`, query `count` |
/// | `acme_items_create` | create | `POST /items`, body `title` (at most 200 characters) |
/// | `acme_reports_search` | search | `POST /reports/search`, body `query` |
/// | `acme_reports_delete` | delete | `DELETE /reports/{report_id}` |
/// | `beta_widgets_get` | get | `GET /widgets/{widget_id}`, `api_key` in the query |
/// | `beta_widgets_list` | list | `GET /widgets` (next-URL pages of one item, `api_key` in the query) |
struct VendorIntegrations {
    /// The bearer token `acme` sends; must never show on stdout or stderr.
    static let acmeToken = "sk-e2e-bearer-7f3a9c1d5b"
    /// The API key `beta` sends in the query; must never show on stdout or stderr.
    static let betaKey = "bk-e2e-query-4e8d2a6f0c"

    /// Every tool of both files, in catalogue order by integration.
    static let allTools: Set<String> = [
        "acme_items_list", "acme_items_get", "acme_items_create", "acme_reports_search", "acme_reports_delete",
        "beta_widgets_get", "beta_widgets_list",
    ]

    /// The directory holding `acme.json` and `beta.json`.
    let directory: TemporaryDirectory

    /// Writes both files.
    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("acme.json", Self.acme)
        try directory.write("beta.json", Self.beta)
    }

    /// The environment that points `acme` at `acmeURL` and `beta` at `betaURL`, with their credentials.
    func environment(acmeURL: String, betaURL: String? = nil) -> [String: String] {
        [
            "ACME_URL": acmeURL, "ACME_TOKEN": Self.acmeToken, "BETA_URL": betaURL ?? acmeURL,
            "BETA_KEY": Self.betaKey, "XDG_STATE_HOME": directory.path + "/state",
        ]
    }

    /// `serve --integrations DIR` followed by `extra` options.
    func serveArguments(_ extra: [String] = []) -> [String] {
        ["serve", "--integrations", directory.path] + extra
    }

    private static let acme = #"""
        {
          "name": "acme",
          "title": "Acme",
          "description": "The Acme test vendor, emulated on loopback for end-to-end tests.",
          "base_url": "${ACME_URL}",
          "auth": {"type": "bearer", "token": "${ACME_TOKEN}"},
          "retry": {"max_attempts": 2, "initial_backoff_ms": 10, "max_backoff_ms": 40},
          "timeout_ms": 15000,
          "resources": {
            "items": {
              "description": "Items in the Acme store.",
              "tags": ["store"],
              "operations": {
                "list": {
                  "request": "GET /items",
                  "title": "List items",
                  "description": "List items in the store, oldest first. Use acme_items_get for one item's details.",
                  "parameters": {
                    "color": {"in": "query", "type": "string", "description": "Only items of this color."}
                  },
                  "pagination": {
                    "style": "cursor", "records": "/data",
                    "page_size": {"param": "per_page", "max": 2},
                    "cursor": {"param": "after", "in": "query", "from": "/next"}
                  }
                },
                "get": {
                  "request": "GET /items/{item_id}",
                  "description": "Get one item by its id, with every field the store keeps about it.",
                  "parameters": {
                    "item_id": {"in": "path", "type": "string", "description": "The item's id."},
                    "trace": {"in": "header", "name": "X-Trace", "type": "string",
                              "description": "A trace id to send along."},
                    "count": {"in": "query", "type": "integer", "description": "How many variants to include."}
                  }
                },
                "create": {
                  "request": "POST /items",
                  "description": "Create an item in the store. Use only when the user asked to add one.",
                  "parameters": {
                    "title": {"in": "body", "type": "string", "required": true, "maxLength": 200,
                              "description": "The new item's title."}
                  }
                }
              }
            },
            "reports": {
              "description": "Sales reports of the Acme store.",
              "tags": ["analytics"],
              "operations": {
                "search": {
                  "request": "POST /reports/search",
                  "description": "Search sales reports by free text; returns the matching reports.",
                  "parameters": {
                    "query": {"in": "body", "type": "string", "description": "Words to look for."}
                  }
                },
                "delete": {
                  "request": "DELETE /reports/{report_id}",
                  "description": "Delete one sales report for good. Use only when the user asked for it.",
                  "parameters": {
                    "report_id": {"in": "path", "type": "string", "description": "The report's id."}
                  }
                }
              }
            }
          }
        }
        """#

    private static let beta = #"""
        {
          "name": "beta",
          "description": "The Beta test vendor, which takes an API key in the query string.",
          "base_url": "${BETA_URL}",
          "auth": {"type": "api_key", "in": "query", "name": "api_key", "value": "${BETA_KEY}"},
          "retry": {"max_attempts": 1},
          "resources": {
            "widgets": {
              "description": "Widgets sold by Beta.",
              "tags": ["store"],
              "operations": {
                "get": {
                  "request": "GET /widgets/{widget_id}",
                  "description": "Get one widget by its id, with its price and stock level.",
                  "parameters": {
                    "widget_id": {"in": "path", "type": "string", "description": "The widget's id."}
                  }
                },
                "list": {
                  "request": "GET /widgets",
                  "description": "List widgets, oldest first. Use beta_widgets_get for one widget's details.",
                  "pagination": {"style": "next_url", "records": "/data", "next": "/next"}
                }
              }
            }
          }
        }
        """#
}
