/// ComfyUIStandIn: a ComfyUI test server that reproduces the recorded protocol.
public enum StandInModule {}
