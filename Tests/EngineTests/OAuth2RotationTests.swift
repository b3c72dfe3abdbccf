import Catalog
import Engine
import Foundation
import JSON
import Synchronization
import TestSupport
import Testing

/// Rotating refresh tokens (DESIGN.md §5 *Auth*): each rotation is persisted before the new access
/// token is used, a stored token wins over a stale environment, several holders of one grant never
/// burn it, and a dead grant ends in `reauth_required` with instructions for a person.
@Suite struct OAuth2RotationTests {
    private static func digest(_ text: String) -> String { SHA256.hexDigest(Array(text.utf8)) }

    @Test("every rotated refresh token is in the store before the access token issued with it reaches the API")
    func rotationPersistedBeforeUse() async throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: IntegrationFile.name, clientID: "switchyard-client")
        let seen = Mutex<[(access: String, stored: String?)]>([])
        let endpoint = OAuthTokenEndpoint(onAuthorizedRequest: { access in
            let stored = store.load()?.refreshToken
            seen.withLock { $0.append((access, stored)) }
        })
        let initial = endpoint.issueRefreshToken()
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        endpoint.revokeAccessTokens()
        #expect(try await fixture.call("2").isError == false)

        let observations = seen.withLock { $0 }
        #expect(observations.count == 2)
        for observation in observations {
            let issued = try #require(endpoint.refreshToken(issuedWith: observation.access))
            #expect(observation.stored == issued, "the API saw an access token before its refresh token was saved")
        }
        #expect(endpoint.refreshEvents.map(\.presentedRefreshToken) == [initial, endpoint.events[0].refreshToken])
        let record = try #require(store.load())
        let last = try #require(endpoint.events.last)
        #expect(record.refreshToken == last.refreshToken)
        #expect(record.accessToken == last.accessToken)
        #expect(record.environmentDigest == Self.digest(initial))
        let expiresAt = try #require(record.expiresAt)
        #expect(abs(expiresAt - Date().timeIntervalSince1970 - 3600) < 120)
        #expect(try endpoint.isActive(#require(record.refreshToken)))
    }

    @Test("a stored (rotated) refresh token wins over the stale one still in the environment")
    func storedTokenWins() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let pasted = endpoint.issueRefreshToken()
        let rotated = try #require(endpoint.rotate(pasted))
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: pasted, stateDirectory: state.path)
        defer { fixture.stop() }
        try #require(fixture.store).save(
            TokenStore.Record(refreshToken: rotated, environmentDigest: Self.digest(pasted)))
        let outcome = try await fixture.call()
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(endpoint.refreshEvents.map(\.presentedRefreshToken) == [rotated])
        #expect(endpoint.invalidGrants == 0)
    }

    @Test(
        "a refresh token pasted into the environment after the store was written wins, and the old grant's access token is not used"
    )
    func changedEnvironmentWins() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let oldGrant = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { oldGrant.stop() }
        #expect(try await oldGrant.call().isError == false)
        let oldAccess = try #require(endpoint.events.last?.accessToken)

        // A person signs in again (perhaps as another account) and sets a new refresh token.
        let pasted = endpoint.issueRefreshToken()
        let newGrant = try OAuth2Fixture(endpoint: endpoint, refreshToken: pasted, stateDirectory: state.path)
        defer { newGrant.stop() }
        let outcome = try await newGrant.call()
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(endpoint.refreshEvents.last?.presentedRefreshToken == pasted)
        #expect(newGrant.apiTokens.count == 1)
        #expect(newGrant.apiTokens.first != oldAccess, "the previous grant's access token was used")
        let record = try #require(newGrant.store?.load())
        #expect(record.environmentDigest == Self.digest(pasted))
        #expect(record.refreshToken == endpoint.events.last?.refreshToken)
    }

    @Test("a second holder of the grant adopts the token the first one just obtained instead of refreshing")
    func adoptsStoredAccessToken() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let initial = endpoint.issueRefreshToken()
        let first = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        let second = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer {
            first.stop()
            second.stop()
        }
        #expect(try await first.call().isError == false)
        #expect(try await second.call().isError == false)
        #expect(endpoint.tokenRequests == 1)
        #expect(second.apiTokens == first.apiTokens)
    }

    @Test("after a 401, a token another holder stored earlier is not trusted: the one refresh is a real one")
    func storedTokenNotTrustedAfterUnauthorized() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let initial = endpoint.issueRefreshToken()
        let first = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        let second = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer {
            first.stop()
            second.stop()
        }
        #expect(try await first.call("1").isError == false)
        endpoint.revokeAccessTokens()
        #expect(try await second.call("2").isError == false)  // refreshes, stores its token
        // The vendor withdraws every access token (refresh tokens stay good), the stored one included.
        endpoint.revokeAccessTokens()
        let outcome = try await first.call("3")
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(endpoint.invalidGrants == 0)
        #expect(endpoint.refreshEvents.count == 3)
    }

    @Test("two holders refreshing at the same moment are serialised by the file lock: one refresh, no invalid_grant")
    func simultaneousHoldersSerialised() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(tokenDelay: .milliseconds(400)))
        let initial = endpoint.issueRefreshToken()
        let holders = try (0..<3).map { _ in
            try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        }
        defer { for holder in holders { holder.stop() } }
        let outcomes = await withTaskGroup(of: ToolOutcome?.self) { group in
            for holder in holders {
                for id in 1...3 { group.addTask { try? await holder.call(String(id)) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 9)
        for outcome in outcomes { #expect(outcome?.isError == false, "\(outcome?.text ?? "no outcome")") }
        #expect(endpoint.invalidGrants == 0)
        #expect(endpoint.refreshEvents.count == 1)
        #expect(endpoint.unauthorizedAPICalls == 0)
    }

    @Test("after invalid_grant the store is re-read once: a token another process just rotated is used")
    func invalidGrantRereadsStore() async throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: IntegrationFile.name, clientID: "switchyard-client")
        let vendor = Mutex<OAuthTokenEndpoint?>(nil)
        let raced = Mutex(false)
        // Another process (one that does not take the lock) rotates the token just as this one presents it.
        let endpoint = OAuthTokenEndpoint(
            OAuthTokenEndpoint.Configuration(revokesFamilyOnReuse: false),
            beforeRefresh: { presented in
                guard
                    raced.withLock({ flag in
                        defer { flag = true }; return !flag
                    }),
                    let successor = vendor.withLock({ $0 })?.rotate(presented)
                else { return }
                try? store.save(
                    TokenStore.Record(
                        refreshToken: successor, environmentDigest: SHA256.hexDigest(Array(presented.utf8))))
            })
        vendor.withLock { $0 = endpoint }
        let initial = endpoint.issueRefreshToken()
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(!outcome.isError, "\(outcome.text)")
        let presented = endpoint.refreshEvents.map(\.presentedRefreshToken)
        #expect(presented.count == 2)
        #expect(presented.first == initial)
        #expect(endpoint.refreshEvents.map(\.error) == ["invalid_grant", nil])
        #expect(store.load()?.refreshToken == endpoint.events.last?.refreshToken)
    }

    @Test(
        "when the re-read store holds a token the vendor has also revoked, the call ends in reauth_required after two tries"
    )
    func rereadOnlyOnce() async throws {
        let state = try TemporaryDirectory()
        let store = TokenStore(directory: state.path, integration: IntegrationFile.name, clientID: "switchyard-client")
        let vendor = Mutex<OAuthTokenEndpoint?>(nil)
        let raced = Mutex(false)
        // Reuse detection on: presenting the rotated token revokes the family, the successor included.
        let endpoint = OAuthTokenEndpoint(beforeRefresh: { presented in
            guard
                raced.withLock({ flag in
                    defer { flag = true }; return !flag
                }),
                let successor = vendor.withLock({ $0 })?.rotate(presented)
            else { return }
            try? store.save(TokenStore.Record(refreshToken: successor, environmentDigest: Self.digest(presented)))
        })
        vendor.withLock { $0 = endpoint }
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .reauthRequired)
        #expect(endpoint.refreshEvents.map(\.error) == ["invalid_grant", "invalid_grant"])
    }

    @Test("a revoked grant is reauth_required, telling a person what to do; a newly pasted token then works")
    func revokedGrant() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let revoked = endpoint.issueRefreshToken()
        endpoint.revokeFamily(of: revoked)
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: revoked, stateDirectory: state.path)
        defer { fixture.stop() }
        for _ in 0..<2 {
            let outcome = try await fixture.call()
            #expect(outcome.errorType == .reauthRequired)
            #expect(outcome.error?.retryable == false)
            #expect(outcome.status == 400)
            let message = try #require(outcome.error?.message)
            #expect(message.contains("sign in again"), "\(message)")
            #expect(message.contains("refresh token for vendor"), "\(message)")
            #expect(!fixture.visibleText(of: outcome).contains(revoked))
        }
        #expect(endpoint.refreshEvents.count == 2, "one try per call: the store held nothing newer")
        #expect(fixture.apiTokens.isEmpty)

        let pasted = endpoint.issueRefreshToken()
        let signedIn = try OAuth2Fixture(endpoint: endpoint, refreshToken: pasted, stateDirectory: state.path)
        defer { signedIn.stop() }
        #expect(try await signedIn.call().isError == false)
    }

    @Test("without a state directory, a rotated refresh token is remembered in memory for the next refresh")
    func rotationWithoutStore() async throws {
        let endpoint = OAuthTokenEndpoint()
        let initial = endpoint.issueRefreshToken()
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: nil)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        endpoint.revokeAccessTokens()
        let outcome = try await fixture.call("2")
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(endpoint.refreshEvents.map(\.presentedRefreshToken) == [initial, endpoint.events[0].refreshToken])
        #expect(endpoint.invalidGrants == 0)
    }

    @Test("a store that cannot be written does not lose the rotated refresh token: the calls go on, the chain holds")
    func unwritableStoreKeepsRotation() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        // A directory where the temporary file of an atomic replace goes: every save now fails, while
        // the token file itself stays readable (as on a full disk).
        let path = try #require(fixture.store?.path)
        try FileManager.default.createDirectory(atPath: path + ".tmp-\(getpid())", withIntermediateDirectories: false)
        for id in ["2", "3"] {
            endpoint.revokeAccessTokens()
            let outcome = try await fixture.call(id)
            #expect(!outcome.isError, "\(outcome.text)")
        }
        let refreshes = endpoint.refreshEvents
        #expect(refreshes.count == 3)
        for (previous, next) in zip(refreshes, refreshes.dropFirst()) {
            #expect(next.presentedRefreshToken == previous.refreshToken)
        }
        #expect(endpoint.invalidGrants == 0)
        #expect(fixture.logLines.text.contains("kept in memory only"))
    }

    @Test("a vendor that does not rotate keeps the same refresh token in the store")
    func nonRotatingVendor() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(rotatesRefreshTokens: false))
        let initial = endpoint.issueRefreshToken()
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        endpoint.revokeAccessTokens()
        #expect(try await fixture.call("2").isError == false)
        #expect(endpoint.refreshEvents.map(\.presentedRefreshToken) == [initial, initial])
        #expect(fixture.store?.load()?.refreshToken == initial)
    }
}
