/// AtlasComfyUI: the ComfyUI client, AI tool manifests and the server pool. No Vapor.
public enum ComfyUIModule {}
