import Foundation
import JSON
import TestSupport

/// Runs the built binary once with stdin closed: the exit status, stdout lines and stderr.
struct FirstHourRun {
    let status: Int32?
    let out: [String]
    let err: String

    /// Standard output as one string.
    var text: String { out.joined(separator: "\n") }

    /// Runs `arguments` with a minimal environment plus `environment`, in `directory` when given.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, stdin: String? = nil,
        binary: String? = nil
    ) throws -> FirstHourRun {
        let process = try SwitchyardProcess(arguments, environment: environment, directory: directory, binary: binary)
        if let stdin { process.send(stdin) }
        process.closeInput()
        let status = process.waitForExit()
        return FirstHourRun(status: status, out: process.allLines, err: process.standardError)
    }

    /// The shipped integrations directory.
    static var shipped: String { RepositoryLayout.integrations }

    /// An integration file with one `"check": true` operation (`GET /me`) at `baseURL`, token from `variable`.
    static func checkedIntegration(name: String, baseURL: String, variable: String) -> String {
        """
        {
          "name": "\(name)",
          "base_url": "\(baseURL)",
          "auth": { "type": "bearer", "token": "${\(variable)}" },
          "retry": { "max_attempts": 1 },
          "timeout_ms": 5000,
          "resources": {
            "account": {
              "operations": {
                "me": {
                  "kind": "get",
                  "check": true,
                  "request": "GET /me",
                  "description": "Get the account the token acts as, to check that the credentials work."
                }
              }
            }
          }
        }
        """
    }
}
