import Plot

/// The account page and administration.
extension WebPage {
    static var account: WebPage { WebPage(
        id: "account", title: "Account",
        content: .div(
            .class("page-narrow"),
            .h1("Account"),
            .section(.id("password"), .ariaLabel("Password")),
            .section(.id("api-keys"), .ariaLabel("API keys"))
        )) }

    static var adminUsers: WebPage { WebPage(
        id: "admin-users", title: "Users", section: .administration,
        content: .group(adminTabs(current: "users"), .section(.id("users")))) }

    static var adminAudit: WebPage { WebPage(
        id: "admin-audit", title: "Audit log", section: .administration,
        content: .group(adminTabs(current: "audit"), .section(.id("audit")))) }

    private static func adminTabs(current: String) -> Node<HTML.BodyContext> {
        .nav(
            .class("tabs"), .ariaLabel("Administration"),
            .a(.href("/admin/users"), .text("Users and roles"),
               .if(current == "users", .attribute(named: "aria-current", value: "page"))),
            .a(.href("/admin/audit"), .text("Audit log"),
               .if(current == "audit", .attribute(named: "aria-current", value: "page")))
        )
    }
}
