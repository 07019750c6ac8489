import Plot

/// One page of the web UI: what goes in its frame's `<main>`, rendered by `PageLayout`.
/// Pages are frames: the data comes from the public API through the page's module, so
/// everything the UI shows a script can do too.
struct WebPage {
    /// `data-page` on `<body>`; names the page's module `js/pages/<id>.js` and stylesheet `css/pages/<id>.css`.
    var id: String
    var title: String
    /// The navigation entry shown as current.
    var section: NavigationSection?
    /// Whether `js/pages/<id>.js` exists (sign-in and setup work without script).
    var hasModule = true
    /// Whether `css/pages/<id>.css` exists.
    var hasStylesheet = true
    /// Attributes on `<main>` that the module reads (`data-asset-id`, …), in order.
    var data: [(name: String, value: String)] = []
    var content: Node<HTML.BodyContext>
}
