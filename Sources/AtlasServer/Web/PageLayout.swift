import AtlasCore
import Plot

/// The frame every page shares: head, top navigation, `<main>`, the toast region. Pure: the
/// same page and viewer always give the same HTML, which the snapshot tests hold.
enum PageLayout {
    static func render(_ page: WebPage, viewer: PageViewer?) -> String {
        let document = HTML(
            .lang(.english),
            head(page, signedIn: viewer != nil),
            .body(
                .class(viewer == nil ? "auth-page" : "app-page"),
                .data(named: "page", value: page.id),
                .group(viewerData(viewer)),
                .a(.class("skip-link"), .href("#main"), .text("Skip to content")),
                topbar(page, viewer: viewer),
                .element(named: "main", nodes: [
                    .id("main"), .attribute(named: "tabindex", value: "-1"),
                    .group(page.data.map { .data(named: $0.name, value: $0.value.attributeEscaped) }),
                    page.content,
                ]),
                .div(.id("toasts"), .class("toasts"), .attribute(named: "role", value: "status"),
                     .attribute(named: "aria-live", value: "polite"))
            )
        )
        return document.render(indentedBy: .spaces(1))
    }

    /// A page without a module of its own still gets the shell's (sign-out, shortcuts) once someone is signed in.
    private static func head(_ page: WebPage, signedIn: Bool) -> Node<HTML.DocumentContext> {
        let module: String? = page.hasModule ? "/js/pages/\(page.id).js" : signedIn ? "/js/core/shell.js" : nil
        return .head(
            .meta(.charset(.utf8)),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .element(named: "title", text: "\(page.title) · Blacksmith Atlas"),
            .meta(.name("theme-color"), .content("#121417")),
            .link(.rel(.manifest), .href("/manifest.webmanifest")),
            .link(.rel(.icon), .href("/icons/atlas.svg"), .type("image/svg+xml")),
            .link(.rel(.appleTouchIcon), .href("/icons/atlas-192.png")),
            .link(.rel(.stylesheet), .href("/css/atlas.css")),
            .if(page.hasStylesheet, .link(.rel(.stylesheet), .href("/css/pages/\(page.id).css"))),
            .unwrap(module) { .script(.attribute(named: "type", value: "module"), .src($0)) }
        )
    }

    private static func viewerData(_ viewer: PageViewer?) -> [Node<HTML.BodyContext>] {
        guard let viewer else { return [] }
        return [
            .data(named: "user-id", value: viewer.userID.lowercased),
            .data(named: "username", value: viewer.username.attributeEscaped),
            .data(named: "display-name", value: viewer.displayName.attributeEscaped),
            .data(named: "role", value: viewer.role.rawValue),
            .data(named: "can", value: viewer.allowedActions.map(\.rawValue).joined(separator: " ")),
        ]
    }

    private static func topbar(_ page: WebPage, viewer: PageViewer?) -> Node<HTML.BodyContext> {
        .header(
            .class("topbar"),
            .a(.class("brand"), .href("/"), .img(.src("/icons/atlas.svg"), Attribute(name: "alt", value: "", ignoreIfValueIsEmpty: false)), .text("Blacksmith Atlas")),
            .unwrap(viewer) { viewer in
                .group(
                    .nav(
                        .class("nav"), .ariaLabel("Main"),
                        .group(NavigationSection.allCases.filter { viewer.may($0.requiredAction) }.map { section in
                            .a(.href(section.path), .text(section.title),
                               .if(section == page.section, .attribute(named: "aria-current", value: "page")))
                        })
                    ),
                    .div(
                        .class("user"),
                        .a(.href("/account"), .text(viewer.displayName), .title("Your account (\(viewer.role.rawValue))".attributeEscaped),
                           .if(page.id == "account", .attribute(named: "aria-current", value: "page"))),
                        .button(.type(.button), .class("signout"), .data(named: "action", value: "sign-out"), .text("Sign out"))
                    )
                )
            }
        )
    }
}
