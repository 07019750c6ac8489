import Foundation
import Vapor

/// The first-start page: a plain form, no script, styled by the server's stylesheet only.
enum SetupPage {
    static func response(token: String, done: Bool, message: String?, status: HTTPResponseStatus) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: html(token: token, done: done, message: message)))
    }

    static func html(token: String, done: Bool, message: String?) -> String {
        let body: String
        if done {
            body = "<p>This server is set up. <a href=\"/\">Sign in</a>.</p>"
        } else {
            let error = message.map { "<p class=\"error\" role=\"alert\">\(escape($0))</p>" } ?? ""
            body = """
            \(error)
            <form method="post" action="/setup">
              <input type="hidden" name="token" value="\(escape(token))">
              <label>Username <input name="username" autocomplete="username" required maxlength="64"></label>
              <label>Display name <input name="display_name" autocomplete="name"></label>
              <label>Password (at least 12 characters) <input type="password" name="password" autocomplete="new-password" required minlength="12"></label>
              <button type="submit">Create the administrator</button>
            </form>
            """
        }
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Set up Blacksmith Atlas</title></head>
        <body><main><h1>Set up Blacksmith Atlas</h1>
        \(body)
        </main></body></html>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
