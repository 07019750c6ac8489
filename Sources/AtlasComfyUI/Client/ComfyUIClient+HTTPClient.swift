import AsyncHTTPClient
import NIOCore

extension ComfyUIClient {
    /// An `HTTPClient` suited to ComfyUI servers. Its short connect timeout matters: AsyncHTTPClient
    /// keeps retrying a refused connection until the connect timeout (10 s by default), so a server
    /// that is down would take that long to be noticed on every call. Shut it down when done.
    public static func makeHTTPClient(connectTimeout: Duration = .seconds(2), idleTimeout: Duration = .seconds(30)) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .duration(connectTimeout))
        configuration.connectionPool = .init(idleTimeout: .duration(idleTimeout))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }
}
