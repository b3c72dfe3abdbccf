import Foundation

/// Paths inside the repository, found from this source file's location.
package enum RepositoryLayout {
    /// The repository root (the directory holding `Package.swift`).
    package static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/TestSupport/Sessions/RepositoryLayout.swift → the root is four levels up.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped integrations directory.
    package static var integrations: String { root + "/Integrations" }

    /// The shipped GitHub integration file.
    package static var githubIntegration: String { integrations + "/github.json" }

    /// The shipped Slack integration file.
    package static var slackIntegration: String { integrations + "/slack.json" }

    /// The shipped Stripe integration file.
    package static var stripeIntegration: String { integrations + "/stripe.json" }

    /// The recorded session `switchyard demo` replays.
    package static var demoSession: String { integrations + "/demo" }

    /// The recorded-session fixtures, one directory each.
    package static var sessionFixtures: String { root + "/Tests/Fixtures/sessions" }

    /// The origin the session fixtures' recordings are rewritten to: loopback port 9 (discard),
    /// never contacted in replay.
    package static let fixtureOrigin = "http://127.0.0.1:9"

    /// The origin of the demo recording: GitHub's own, the shipped file's default base URL.
    package static let demoOrigin = "https://api.github.com"
}
