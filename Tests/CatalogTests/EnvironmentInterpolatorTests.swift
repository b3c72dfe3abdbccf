import Catalog
import Testing

@Suite struct EnvironmentInterpolatorTests {
    let interpolator = EnvironmentInterpolator(environment: ["HOST": "api.acme.test", "EMPTY": "", "PORT": "8443"])

    @Test("${NAME} is replaced by the variable's value")
    func plain() {
        let (value, missing) = interpolator.interpolate("https://${HOST}/v1")
        #expect(value == "https://api.acme.test/v1")
        #expect(missing.isEmpty)
    }

    @Test("${NAME:-default} takes the value when set and the default when unset")
    func withDefault() {
        #expect(interpolator.interpolate("${HOST:-example.test}").value == "api.acme.test")
        let (value, missing) = interpolator.interpolate("${UNSET:-https://example.test:8080/x}")
        #expect(value == "https://example.test:8080/x")
        #expect(missing.isEmpty)
    }

    @Test("an empty variable takes the default, as in the shell, but ${NAME} alone keeps it empty")
    func emptyVariable() {
        #expect(interpolator.interpolate("[${EMPTY:-fallback}]").value == "[fallback]")
        let (value, missing) = interpolator.interpolate("[${EMPTY}]")
        #expect(value == "[]")
        #expect(missing.isEmpty, "set but empty is not missing")
        #expect(interpolator.interpolate("[${EMPTY:-}]").value == "[]")
    }

    @Test("an unset variable without a default is reported and replaced by the given text")
    func missing() {
        let (value, missing) = interpolator.interpolate("Bearer ${TOKEN}")
        #expect(value == "Bearer ")
        #expect(missing == ["TOKEN"])
        #expect(
            interpolator.interpolate("Bearer ${TOKEN}", missingReplacement: "[REDACTED]").value == "Bearer [REDACTED]")
    }

    @Test("several variables in one string are all replaced and every missing one reported")
    func several() {
        let (value, missing) = interpolator.interpolate("${HOST}:${PORT}/${A}/${B:-b}/${C}")
        #expect(value == "api.acme.test:8443//b/")
        #expect(missing == ["A", "C"])
    }

    @Test("text without ${ is returned unchanged, $NAME included")
    func untouched() {
        for text in ["plain", "$HOST", "price: $5", "{HOST}", ""] {
            let (value, missing) = interpolator.interpolate(text)
            #expect(value == text)
            #expect(missing.isEmpty)
        }
    }

    @Test(
        "a malformed ${ is left as written",
        arguments: [
            ("${HOST", "${HOST"), ("tail ${", "tail ${"), ("${1HOST}", "${1HOST}"), ("${}", "${}"),
            ("${HO ST}", "${HO ST}"), ("${HOST-x}", "${HOST-x}"), ("${:-x}", "${:-x}"),
        ])
    func malformed(text: String, expected: String) {
        let (value, missing) = interpolator.interpolate(text)
        #expect(value == expected)
        #expect(missing.isEmpty)
    }

    @Test("a malformed ${ does not swallow a well-formed variable after it")
    func malformedThenValid() {
        #expect(interpolator.interpolate("${not valid ${HOST}").value == "${not valid api.acme.test")
        #expect(interpolator.interpolate("$${HOST}").value == "$api.acme.test")
        #expect(EnvironmentInterpolator.references(in: "${not valid ${HOST} ${PORT:-1}") == ["HOST", "PORT"])
    }

    @Test("references lists every variable named, with or without a default")
    func references() {
        #expect(
            EnvironmentInterpolator.references(in: "https://${HOST:-x}/${PATH_PART}${HOST}") == [
                "HOST", "PATH_PART", "HOST",
            ])
        #expect(EnvironmentInterpolator.references(in: "no variables").isEmpty)
    }

    @Test("numeric settings are the variables with a number as default, nested ones included")
    func numericSettings() {
        let text =
            #"{"limit": "${PAGE:-15}", "window": "${WINDOW:-0.5}", "url": "${URL:-https://${HOST:-x}}", "#
            + #""id": "${ID}", "outer": "${OUTER:-${INNER:-2}}"}"#
        #expect(EnvironmentInterpolator.numericSettings(in: text) == ["PAGE", "WINDOW", "INNER"])
        #expect(EnvironmentInterpolator.numericSettings(in: "${TEAM:-7a} ${EMPTY:-}").isEmpty)
    }

    @Test("a default may itself reference variables, which count as missing only when used")
    func nestedDefaults() {
        let template = "${ZENDESK_URL:-https://${ZENDESK_SUBDOMAIN}.zendesk.com}/api/v2"
        let withSubdomain = EnvironmentInterpolator(environment: ["ZENDESK_SUBDOMAIN": "acme"]).interpolate(template)
        #expect(withSubdomain.value == "https://acme.zendesk.com/api/v2")
        #expect(withSubdomain.missing.isEmpty)
        let explicit = EnvironmentInterpolator(environment: ["ZENDESK_URL": "http://127.0.0.1:9"]).interpolate(template)
        #expect(explicit.value == "http://127.0.0.1:9/api/v2")
        #expect(explicit.missing.isEmpty)
        #expect(EnvironmentInterpolator(environment: [:]).interpolate(template).missing == ["ZENDESK_SUBDOMAIN"])
        #expect(EnvironmentInterpolator.references(in: template) == ["ZENDESK_URL", "ZENDESK_SUBDOMAIN"])
    }
}
