import Engine
import Testing

/// RFC 8288 `Link` headers as vendors send them (GitHub, Zendesk, Microsoft Graph style), and the
/// shapes a hostile or sloppy vendor could send.
@Suite struct LinkHeaderTests {
    @Test("finds the link whose rel names the relation, among several")
    func findsRelation() {
        let header =
            #"<https://api.example.com/items?page=2>; rel="next", <https://api.example.com/items?page=9>; rel="last""#
        #expect(LinkHeader.target(of: "next", in: header) == "https://api.example.com/items?page=2")
        #expect(LinkHeader.target(of: "last", in: header) == "https://api.example.com/items?page=9")
        #expect(LinkHeader.target(of: "prev", in: header) == nil)
    }

    @Test("the relation is matched case-insensitively, quoted or not, and inside a space-separated list")
    func relationForms() {
        #expect(LinkHeader.target(of: "next", in: "<https://a.example/2>; rel=NEXT") == "https://a.example/2")
        #expect(LinkHeader.target(of: "NEXT", in: #"<https://a.example/2>; rel="next""#) == "https://a.example/2")
        #expect(
            LinkHeader.target(of: "next", in: #"<https://a.example/2>; rel="prefetch next""#) == "https://a.example/2")
        // RFC 8288 allows whitespace around a parameter's "=".
        #expect(
            LinkHeader.target(of: "next", in: #"<https://a.example/2> ; title="x" ; REL = "next""#)
                == "https://a.example/2")
        #expect(
            LinkHeader.target(of: "next", in: #"<https://a.example/2>; title="x";rel="next""#) == "https://a.example/2")
    }

    @Test("a comma inside a quoted parameter does not start a new link")
    func quotedComma() {
        let header = #"<https://a.example/1>; title="one, <two>"; rel="prev", <https://a.example/3>; rel="next""#
        #expect(LinkHeader.target(of: "next", in: header) == "https://a.example/3")
        #expect(LinkHeader.target(of: "prev", in: header) == "https://a.example/1")
    }

    @Test("URLs keep their commas and semicolons; the first matching link wins")
    func urlContents() {
        let header = #"<https://a.example/items?ids=1,2;x=y>; rel="next", <https://a.example/other>; rel="next""#
        #expect(LinkHeader.target(of: "next", in: header) == "https://a.example/items?ids=1,2;x=y")
    }

    @Test(
        "malformed headers give no link rather than a wrong one",
        arguments: [
            "", "rel=\"next\"", "<https://a.example/2", "https://a.example/2; rel=\"next\"", "<https://a.example/2>",
            "<https://a.example/2>; rel", "<https://a.example/2>; rel=\"nextpage\"",
        ])
    func malformed(header: String) {
        #expect(LinkHeader.target(of: "next", in: header) == nil)
    }
}
