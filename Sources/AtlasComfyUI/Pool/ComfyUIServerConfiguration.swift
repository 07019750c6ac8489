import Foundation

/// One ComfyUI server of the pool, as configured (`ATLAS_COMFYUI_URLS` or the admin API).
public struct ComfyUIServerConfiguration: Sendable, Hashable, Codable {
    public var url: URL
    /// For a server behind an authenticating proxy.
    public var credentials: ComfyUICredentials?
    /// How many Atlas runs it takes at once. ComfyUI runs one prompt at a time; a small number
    /// keeps its own queue shallow so cancelling and rebalancing stay in Atlas's hands.
    public var concurrencyLimit: Int

    public init(url: URL, credentials: ComfyUICredentials? = nil, concurrencyLimit: Int = 2) {
        self.url = url
        self.credentials = credentials
        self.concurrencyLimit = max(1, concurrencyLimit)
    }

    enum CodingKeys: String, CodingKey {
        case url, credentials
        case concurrencyLimit = "concurrency_limit"
    }
}
