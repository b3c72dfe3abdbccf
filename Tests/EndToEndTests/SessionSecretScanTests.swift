import Foundation
import JSON
import TestSupport
import Testing

/// Scans every recorded session shipped in the repository — `Tests/Fixtures/**` and
/// `Integrations/demo/**` — for secrets: the credentials used while recording must appear
/// nowhere, and every credential-carrying header and token member must read `[REDACTED]`.
@Suite struct SessionSecretScanTests {
    static let roots = [RepositoryLayout.root + "/Tests/Fixtures", RepositoryLayout.demoSession]
    static let secretHeaders: Set = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    static let tokenMembers: Set = ["access_token", "refresh_token", "id_token"]

    /// Every regular file under the roots.
    static func files() -> [String] {
        var files: [String] = []
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }

    @Test("no credential used while recording appears in any recorded file")
    func noRecordingSecrets() throws {
        let files = Self.files()
        #expect(files.filter { $0.hasSuffix("cassette.jsonl") }.count >= 6)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for secret in RecordingSecrets.all + [RecordingSecrets.marker] {
                #expect(!text.contains(secret), "\(file) contains \(secret)")
            }
            for encoded in RecordingSecrets.all.map({ Data($0.utf8).base64EncodedString() }) {
                #expect(!text.contains(encoded), "\(file) contains a base64-encoded recording secret")
            }
        }
    }

    @Test("every Authorization, Cookie and token member in a cassette is [REDACTED]")
    func cassettesRedacted() throws {
        var headersChecked = 0
        var tokensChecked = 0
        for file in Self.files() where file.hasSuffix("cassette.jsonl") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n").enumerated() {
                let entry = try JSONParser.parse(String(line))
                let place = "\(file):\(number + 1)"
                for side in ["request", "response"] {
                    for member in entry[side]?["headers"]?.objectValue ?? [:]
                    where Self.secretHeaders.contains(member.key.lowercased()) {
                        headersChecked += 1
                        #expect(member.value == "[REDACTED]", "\(place): \(side) header \(member.key)")
                    }
                }
                tokensChecked += checkTokenMembers(entry["response"]?["body"], place: place)
                if let body = entry["request"]?["body"]?.stringValue, body.contains("refresh_token=") {
                    #expect(body.contains("refresh_token=[REDACTED]"), "\(place): refresh token in a token request")
                }
            }
        }
        #expect(headersChecked > 0)
        #expect(tokensChecked > 0)
    }

    @Test("transcripts carry no bearer credentials")
    func transcriptsClean() throws {
        for file in Self.files() where file.hasSuffix("transcript.jsonl") {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for scheme in ["Bearer ", "Basic "] {
                let credentials = text.components(separatedBy: scheme).dropFirst()
                #expect(credentials.allSatisfy { $0.hasPrefix("[REDACTED]") }, "\(file): \(scheme)credential")
            }
        }
    }

    private func checkTokenMembers(_ value: JSONValue?, place: String) -> Int {
        guard let value else { return 0 }
        var checked = 0
        switch value {
        case .object(let object):
            for member in object {
                if Self.tokenMembers.contains(member.key), member.value.stringValue != nil {
                    checked += 1
                    #expect(member.value == "[REDACTED]", "\(place): \(member.key)")
                } else {
                    checked += checkTokenMembers(member.value, place: place)
                }
            }
        case .array(let elements):
            for element in elements { checked += checkTokenMembers(element, place: place) }
        default:
            break
        }
        return checked
    }
}
