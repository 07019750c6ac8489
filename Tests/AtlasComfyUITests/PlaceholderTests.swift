import Testing
@testable import AtlasComfyUI

@Test("the AtlasComfyUI module builds") func moduleBuilds() { _ = ComfyUIModule.self }
