import AtlasComfyUI
import Vapor

extension Application {
    private struct ComfyUIPoolKey: StorageKey { typealias Value = ComfyUIPool }

    /// The ComfyUI servers this process runs tools on: `ATLAS_COMFYUI_URLS` plus those of the admin API.
    var comfyUIPool: ComfyUIPool {
        get {
            guard let pool = storage[ComfyUIPoolKey.self] else { fatalError("the ComfyUI pool is used before configure(_:_:) ran") }
            return pool
        }
        set { storage[ComfyUIPoolKey.self] = newValue }
    }
}
