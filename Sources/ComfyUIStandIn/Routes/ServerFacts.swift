import Foundation

/// The identity a ComfyUI v0.12.1 on CPU reports (`00-server` recordings), with this machine's
/// memory and the stand-in's address in `argv`.
enum ServerFacts {
    static let comfyUIVersion = "0.12.1"

    /// `GET /features`, also the answer to a client's `feature_flags` frame.
    static func features(maxUploadSize: Int) -> JSON {
        ["supports_preview_metadata": true, "max_upload_size": .int(maxUploadSize), "extension": ["manager": ["supports_v4": true]]]
    }

    static func systemStats(_ settings: ServerSettings) -> JSON {
        let total = Int(ProcessInfo.processInfo.physicalMemory)
        let free = availableMemory() ?? total / 2
        let system: JSON = [
            "os": .string(platformName), "ram_total": .int(total), "ram_free": .int(free),
            "comfyui_version": .string(comfyUIVersion), "required_frontend_version": "1.37.11",
            "installed_templates_version": "0.8.31", "required_templates_version": "0.8.31",
            "python_version": "3.11.7 (main, May  9 2026, 07:35:25) [GCC 12.2.0]", "pytorch_version": "2.11.0+cu130",
            "embedded_python": false,
            "argv": .strings(["main.py", "--cpu", "--listen", settings.host, "--port", String(settings.port)]),
        ]
        let device: JSON = ["name": "cpu", "type": "cpu", "index": .null, "vram_total": .int(total), "vram_free": .int(free),
                            "torch_vram_total": .int(total), "torch_vram_free": .int(free)]
        return ["system": system, "devices": [device]]
    }

    /// `GET /models`: the model folders of a stock install, all empty here.
    static let modelFolders = ["checkpoints", "configs", "loras", "vae", "text_encoders", "diffusion_models", "clip_vision",
                               "style_models", "embeddings", "diffusers", "vae_approx", "controlnet", "gligen", "upscale_models",
                               "latent_upscale_models", "custom_nodes", "hypernetworks", "photomaker", "classifiers",
                               "model_patches", "audio_encoders"]

    /// `sys.platform`.
    private static var platformName: String {
        #if os(Linux)
        "linux"
        #else
        "darwin"
        #endif
    }

    private static func availableMemory() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }
}
