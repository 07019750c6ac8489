import Foundation
import Plot

/// The asset library's pages: browser, asset detail, upload, projects.
extension WebPage {
    static var assets: WebPage { WebPage(
        id: "assets", title: "Assets", section: .assets,
        content: .section(
            .class("browser"),
            .aside(.id("facets"), .class("facets"), .ariaLabel("Filters")),
            .div(
                .class("browser-main"),
                .div(
                    .class("browser-toolbar"),
                    .input(.id("search"), .type(.search), Attribute(name: "data-search", value: nil, ignoreIfValueIsEmpty: false),
                           .attribute(named: "aria-label", value: "Search assets"), .placeholder("Search  /"),
                           .autocomplete(false)),
                    .select(.id("sort"), .attribute(named: "aria-label", value: "Sort")),
                    .span(.id("result-count"), .class("muted"))
                ),
                .div(.id("grid"), .class("asset-grid"), .attribute(named: "role", value: "grid"),
                     .ariaLabel("Assets"), .attribute(named: "tabindex", value: "0"))
            )
        )) }

    static func asset(_ id: UUID) -> WebPage {
        WebPage(
            id: "asset", title: "Asset", section: .assets, data: [("asset-id", id.lowercased)],
            content: .article(
                .class("asset-detail"), .data(named: "asset-id", value: id.lowercased),
                .header(.id("asset-header")),
                .section(.id("preview"), .ariaLabel("Preview")),
                .section(.id("metadata"), .ariaLabel("Metadata")),
                .section(.id("versions"), .ariaLabel("Versions")),
                .section(.id("dependencies"), .ariaLabel("Dependencies"))
            ))
    }

    static func upload(projectID: UUID?) -> WebPage {
        WebPage(
            id: "upload", title: "Upload", section: .upload,
            content: .section(
                .class("upload"), .id("upload"),
                .unwrap(projectID) { .data(named: "project-id", value: $0.lowercased) },
                .h1("Upload")
            ))
    }

    static var projects: WebPage { WebPage(
        id: "projects", title: "Projects", section: .projects,
        content: .group(.h1("Projects"), .section(.id("projects")))) }

    static func project(_ id: UUID) -> WebPage {
        WebPage(
            id: "project", title: "Project", section: .projects, data: [("project-id", id.lowercased)],
            content: .article(
                .class("project-detail"), .data(named: "project-id", value: id.lowercased),
                .header(.id("project-header")),
                .section(.id("project-assets"), .ariaLabel("Assets")),
                .section(.id("project-members"), .ariaLabel("Members"))
            ))
    }
}
