import AtlasCore
import AtlasTestSupport
import Foundation
import Testing
import Vapor
@testable import AtlasServer

@Suite("The web UI's pages: sign-in, frames by role, static files under the strict CSP")
struct WebPageTests {
    @Test("Without a session a page sends the browser to sign in and back; the form signs in with a session cookie",
          arguments: TestDatabase.available)
    func signInRoundTrip(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let browser = t.anonymousClient
            let page = try await browser.get("/jobs?state=failed")
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location) == "/login?next=/jobs%3Fstate%3Dfailed")

            let wrong = try await browser.send(.POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "username=admin&password=nope&next=%2Fjobs"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("role=\"alert\"") && wrong.text.contains("value=\"admin\""), "the form again, with why")
            let empty = try await browser.send(.POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "username=admin&password="))
            #expect(empty.status == .badRequest && empty.text.contains("Enter your username and password"))

            let password = TestAccount.password.replacingOccurrences(of: " ", with: "+")
            let signed = try await browser.send(.POST, "/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                body: ByteBuffer(string: "username=admin&password=\(password)&next=%2Fjobs"))
            #expect(signed.status == .seeOther && signed.headers.first(name: .location) == "/jobs")
            let cookie = try #require(signed.headers[.setCookie].first { $0.hasPrefix("atlas_session=") })
            let session = String(cookie.split(separator: ";")[0])
            let jobs = try await browser.get("/jobs", headers: ["Cookie": session])
            #expect(jobs.status == .ok && jobs.text.contains("data-page=\"jobs\""))
            #expect(jobs.headers.first(name: .cacheControl) == "no-store")
            let again = try await browser.get("/login?next=/projects", headers: ["Cookie": session])
            #expect(again.status == .seeOther && again.headers.first(name: .location) == "/projects", "a signed-in visitor goes on")
        }
    }

    @Test("next is only ever a path on this server", arguments: ["//evil.example/x", "https://evil.example", "/\\evil.example", "jobs", ""])
    func nextStaysHere(_ next: String) {
        #expect(WebController.safeNext(next) == "/")
        #expect(WebController.safeNext("/assets/1?tab=versions") == "/assets/1?tab=versions")
    }

    @Test("Administration pages answer other roles 403 with a page; a Client's frame does not allow source files",
          arguments: TestDatabase.available)
    func framesByRole(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Frames", code: "FRM")
            let artist = try await t.makeAccount("artist", role: .artist, memberOf: [project])
            let client = try await t.makeAccount("client", role: .client, memberOf: [project])
            let refused = try await artist.client.get("/admin/audit")
            #expect(refused.status == .forbidden && refused.headers.contentType == .html && refused.text.contains("Not allowed"))
            #expect(try await t.client.get("/admin/audit").status == .ok)

            let artistFrame = try await artist.client.get("/assets/\(UUID().lowercased)").text
            #expect(Self.allowed(in: artistFrame).isSuperset(of: ["read_source", "write_asset", "upload_content", "run_ai_tools"]))
            #expect(!artistFrame.contains("href=\"/admin/users\""), "no Admin entry for an artist")
            let clientFrame = try await client.client.get("/").text
            let clientMay = Self.allowed(in: clientFrame)
            #expect(clientMay.contains("read_preview") && !clientMay.contains("read_source") && !clientMay.contains("upload_content"))
            #expect(!clientFrame.contains("href=\"/upload\""), "no Upload entry for a Client")
            let nowhere = try await client.client.get("/assets/not-an-id")
            #expect(nowhere.status == .notFound && nowhere.headers.contentType == .html && nowhere.text.contains("does not exist"))
        }
    }

    @Test("Every page works under the strict CSP: no inline script, no style attribute, and the files it names are served",
          arguments: TestDatabase.available)
    func strictPages(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let project = try await t.client.createProject("Pages", code: "PGS")
            let paths = ["/", "/assets/\(UUID().lowercased)", "/upload?project=\(project)", "/projects", "/projects/\(project)",
                         "/ai-tools", "/ai-tools/invert", "/jobs", "/account", "/admin/users", "/admin/audit"]
            for path in paths {
                let page = try await t.client.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
                let html = page.text
                #expect(html.range(of: #"<script(?![^>]*\ssrc=)"#, options: .regularExpression) == nil, "inline script in \(path)")
                #expect(html.range(of: #"\sstyle="#, options: .regularExpression) == nil, "style attribute in \(path)")
                for file in Self.linkedFiles(html) {
                    let served = try await t.anonymousClient.get(file)
                    #expect(served.status == .ok, "\(path) names \(file), which is not served")
                }
            }
        }
    }

    @Test("Static files carry validators and revalidate; the manifest makes the UI installable", arguments: [TestDatabase.sqlite])
    func staticFiles(_ database: TestDatabase) async throws {
        try await withAtlasApp(database) { t in
            let script = try await t.anonymousClient.get("/js/core/api.js")
            #expect(script.status == .ok && script.headers.first(name: .cacheControl) == "no-cache")
            let etag = try #require(script.headers.first(name: .eTag))
            #expect(try await t.anonymousClient.get("/js/core/api.js", headers: ["If-None-Match": etag]).status == .notModified)

            let manifest = try await t.anonymousClient.get("/manifest.webmanifest")
            #expect(manifest.headers.first(name: .contentType) == "application/manifest+json")
            #expect(manifest.json["display"] == "standalone" && manifest.json["start_url"] == "/")
            let icons = manifest.json["icons"]?.array ?? []
            let sizes = Set(icons.compactMap { $0["sizes"]?.string })
            #expect(sizes.isSuperset(of: ["192x192", "512x512"]))
            for icon in icons.compactMap({ $0["src"]?.string }) {
                #expect(try await t.anonymousClient.get(icon).status == .ok, "\(icon)")
            }
            let escaping = try await t.anonymousClient.get("/js/../../Package.swift")
            #expect(escaping.status == .forbidden && !escaping.text.contains("PackageDescription"), "never a file outside Public/")
            #expect(try await t.anonymousClient.get("/api/v1/nothing").problemCode != nil, "the API never falls back to files")
        }
    }

    /// The actions a frame's `data-can` lists.
    static func allowed(in html: String) -> Set<String> {
        guard let match = html.range(of: #"data-can="[^"]*""#, options: .regularExpression) else { return [] }
        return Set(html[match].dropFirst(10).dropLast().split(separator: " ").map(String.init))
    }

    /// The stylesheets, scripts and icons a page names on this server.
    static func linkedFiles(_ html: String) -> [String] {
        let pattern = #"(?:href|src)="(/(?:css|js|icons)/[^"]+|/manifest\.webmanifest)""#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
