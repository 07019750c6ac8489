/// The answer of one health check.
enum ComfyUIHealthProbe: Sendable {
    case up(queueRemaining: Int, version: String?)
    case down(reason: String)

    /// `GET /prompt`, and `/system_stats` too when the server was not up before.
    static func probe(_ client: ComfyUIClient, timeout: Duration, wasUp: Bool) async -> ComfyUIHealthProbe {
        let probing = ComfyUIClient(baseURL: client.baseURL, credentials: client.credentials, httpClient: client.http,
                                    requestTimeout: timeout)
        do {
            let queueRemaining = try await probing.queueRemaining()
            let version = wasUp ? nil : try? await probing.systemStats().comfyUIVersion
            return .up(queueRemaining: queueRemaining, version: version)
        } catch {
            return .down(reason: (error as? ComfyUIError)?.description ?? String(describing: error))
        }
    }
}
