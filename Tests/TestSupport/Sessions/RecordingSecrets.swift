/// The credentials the session recorder hands the server: distinctive values that must never
/// appear in a shipped recording, cassette or transcript (the secret scan looks for each of them
/// and for ``marker``).
package enum RecordingSecrets {
    /// The text every recording secret contains, so a scan can catch one that is not listed.
    package static let marker = "RECORDING_SECRET"
    /// `GITHUB_TOKEN` while recording.
    package static let githubToken = "ghp_RECORDING_SECRET_1"
    /// `ACME_CLIENT_SECRET` while recording.
    package static let acmeClientSecret = "acme_RECORDING_SECRET_client"
    /// `SLACK_BOT_TOKEN` while recording.
    package static let slackToken = "xoxb-RECORDING_SECRET_SLACK"
    /// `STRIPE_API_KEY` while recording.
    package static let stripeKey = "sk_test_RECORDING_SECRET_STRIPE"
    /// The refresh tokens of the Acme emulation, in rotation order: the first is configured
    /// (`ACME_REFRESH_TOKEN`), each refresh hands out the next.
    package static let acmeRefreshTokens = (1...4).map { "acme_RECORDING_SECRET_refresh_\($0)" }
    /// The access tokens the Acme emulation hands out, in order.
    package static let acmeAccessTokens = (1...3).map { "acme_RECORDING_SECRET_access_\($0)" }

    /// Every listed secret.
    package static var all: [String] {
        [githubToken, acmeClientSecret, slackToken, stripeKey] + acmeRefreshTokens + acmeAccessTokens
    }
}
