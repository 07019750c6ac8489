import Testing
@testable import ComfyUIStandIn

@Test("the stand-in module builds") func standInBuilds() { _ = StandInModule.self }
