import Plot

/// AI tools and jobs.
extension WebPage {
    static var aiTools: WebPage { WebPage(
        id: "ai-tools", title: "AI tools", section: .aiTools,
        content: .group(.h1("AI tools"), .section(.id("tools")))) }

    static func aiTool(_ name: String) -> WebPage {
        WebPage(
            id: "ai-tool", title: name, section: .aiTools, data: [("tool-name", name)],
            content: .article(
                .class("ai-tool"), .data(named: "tool-name", value: name.attributeEscaped),
                .header(.id("tool-header")),
                .form(.id("tool-form"), .attribute(named: "novalidate")),
                .section(.id("tool-runs"), .ariaLabel("Runs"))
            ))
    }

    static var jobs: WebPage { WebPage(
        id: "jobs", title: "Jobs", section: .jobs,
        content: .group(.h1("Jobs"), .section(.id("jobs")))) }
}
