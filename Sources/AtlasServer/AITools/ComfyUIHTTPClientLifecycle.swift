import Vapor

/// Shuts down the pool's own HTTP client when the application stops. The pool does not use the
/// shared client because its 10 s connect retries would hide a server that went down mid-run.
struct ComfyUIHTTPClientLifecycle: LifecycleHandler {
    let httpClient: HTTPClient

    func shutdownAsync(_ application: Application) async {
        try? await httpClient.shutdown()
    }
}
