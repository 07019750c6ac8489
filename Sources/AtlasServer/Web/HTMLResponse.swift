import Vapor

/// A rendered page as a response. Pages are never cached: they name the signed-in user.
enum HTMLResponse {
    static func make(_ page: WebPage, viewer: PageViewer?, status: HTTPResponseStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: PageLayout.render(page, viewer: viewer)))
    }
}
