/// The `bench` integration file: one tool per call scenario, no rate limit, bearer auth.
///
/// | tool | request |
/// | --- | --- |
/// | `bench_items_get` | `GET /items/{id}`, the cheap GET |
/// | `bench_items_list` | `GET /items`, page-numbered, up to 10,000 items a call |
/// | `bench_slow_get` | `GET /slow`, answered after 100 ms |
/// | `bench_exports_get` | `GET /export`, a 20 MB body |
/// | `bench_exports_list` | `GET /export` read as one 20 MB page of records |
enum BenchIntegration {
    /// The file's JSON text.
    static let text = #"""
        {
          "name": "bench",
          "title": "Bench",
          "description": "A loopback vendor that switchyard-bench measures Switchyard against.",
          "base_url": "${BENCH_API_URL}",
          "headers": {"Accept": "application/json"},
          "auth": {"type": "bearer", "token": "${BENCH_TOKEN}"},
          "timeout_ms": 30000,
          "resources": {
            "items": {
              "description": "Items of the loopback vendor.",
              "operations": {
                "get": {
                  "request": "GET /items/{id}",
                  "description": "Get one item by id: a small JSON object, the cheapest call the vendor answers.",
                  "parameters": {
                    "id": {"in": "path", "type": "string", "description": "The item's identifier."}
                  }
                },
                "list": {
                  "request": "GET /items",
                  "description": "List items page by page, oldest first; up to 10,000 items in one call.",
                  "pagination": {
                    "style": "page", "records": "/items", "total": "/total", "total_pages": "/total_pages",
                    "page": {"param": "page", "first": 1}, "page_size": {"param": "per_page", "max": 100},
                    "max_limit": 10000
                  }
                }
              }
            },
            "slow": {
              "description": "An endpoint that takes 100 ms to answer.",
              "operations": {
                "get": {
                  "request": "GET /slow",
                  "description": "Get the slow resource: the vendor waits 100 ms before it answers."
                }
              }
            },
            "exports": {
              "description": "A bulk export in one large JSON body.",
              "operations": {
                "get": {
                  "request": "GET /export",
                  "description": "Get the full export: one JSON object of about 20 MB with every record."
                },
                "list": {
                  "request": "GET /export",
                  "description": "List the export's records: one vendor page of about 20 MB.",
                  "pagination": {"style": "none", "records": "/records", "max_limit": 500}
                }
              }
            }
          }
        }
        """#
}
