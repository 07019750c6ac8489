import Plot

/// Pages that work without script: sign-in, setup, and the answers for pages one may not see.
extension WebPage {
    /// The sign-in form; `next` is where to go after (a path on this server).
    static func login(next: String, username: String = "", message: String? = nil) -> WebPage {
        WebPage(
            id: "login", title: "Sign in", hasModule: false, hasStylesheet: false,
            content: .div(
                .class("auth-card"),
                .h1("Sign in to Atlas"),
                .unwrap(message) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .form(
                    .method(.post), .action("/login"),
                    .input(.type(.hidden), .name("next"), .value(next.attributeEscaped)),
                    .label(.text("Username"),
                           .input(.name("username"), .value(username.attributeEscaped), .attribute(named: "autocomplete", value: "username"),
                                  .required(true), Attribute(name: "autofocus", value: nil, ignoreIfValueIsEmpty: false))),
                    .label(.text("Password"),
                           .input(.type(.password), .name("password"), .attribute(named: "autocomplete", value: "current-password"),
                                  .required(true))),
                    .button(.type(.submit), .class("primary"), .text("Sign in"))
                )
            ))
    }

    /// First start: the form that creates the first administrator with the one-time token.
    static func setup(token: String, done: Bool, message: String?) -> WebPage {
        WebPage(
            id: "setup", title: "Set up", hasModule: false, hasStylesheet: false,
            content: .div(
                .class("auth-card"),
                .h1("Set up Blacksmith Atlas"),
                .if(done,
                    .p(.text("This server is set up. "), .a(.href("/login"), .text("Sign in")), .text(".")),
                    else: .group(
                        .unwrap(message) { .p(.class("error"), .attribute(named: "role", value: "alert"), .text($0)) },
                        .form(
                            .method(.post), .action("/setup"),
                            .input(.type(.hidden), .name("token"), .value(token.attributeEscaped)),
                            .label(.text("Username"),
                                   .input(.name("username"), .attribute(named: "autocomplete", value: "username"), .required(true),
                                          .attribute(named: "maxlength", value: "64"))),
                            .label(.text("Display name"),
                                   .input(.name("display_name"), .attribute(named: "autocomplete", value: "name"))),
                            .label(.text("Password (at least 12 characters)"),
                                   .input(.type(.password), .name("password"), .attribute(named: "autocomplete", value: "new-password"),
                                          .required(true), .attribute(named: "minlength", value: "12"))),
                            .button(.type(.submit), .class("primary"), .text("Create the administrator"))
                        )
                    ))
            ))
    }

    /// An address that names nothing (an id that cannot be one). Whether an object exists is
    /// left to the API, which answers "not found" alike for what is missing and what is hidden.
    static func notFound(_ what: String) -> WebPage {
        WebPage(
            id: "not-found", title: "Not found", hasModule: false, hasStylesheet: false,
            content: .div(
                .class("page-narrow"),
                .h1("Not found"),
                .p(.text("\(what) does not exist. "), .a(.href("/"), .text("Back to the assets")), .text("."))
            ))
    }

    /// A page the viewer's role may not open.
    static func forbidden(_ what: String) -> WebPage {
        WebPage(
            id: "forbidden", title: "Not allowed", hasModule: false, hasStylesheet: false,
            content: .div(
                .class("page-narrow"),
                .h1("Not allowed"),
                .p(.text("\(what) is for administrators. "), .a(.href("/"), .text("Back to the assets")), .text("."))
            ))
    }
}
