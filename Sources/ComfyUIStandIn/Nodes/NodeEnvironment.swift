/// What nodes reach outside their inputs: the stand-in's folders and the image renderer.
struct NodeEnvironment: Sendable {
    var folders: StandInFolders
    var renderer: ImageRenderer
}
