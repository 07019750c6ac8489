import Vapor

/// The table of contents of the HTTP API. Each controller registers the endpoints of `Endpoints` it serves.
func routes(_ app: Application) throws {
    let controllers: [any RouteRegistering] = [
        SystemController(openAPIDocument: OpenAPIDocument.data()),
        ProjectController(),
        AssetController(),
        VersionController(),
        FileController(),
        DependencyController(),
        BlobController(),
        PreviewController(),
        GeneratedPreviewController(),
        ExportController(),
        InspectionController(),
        MemberController(),
        AuthController(),
        SetupController(),
        MeController(),
        UserController(),
        UserAPIKeyController(),
        AuditController(),
        SecretController(),
        JobController(),
        JobBatchController(),
        EventController(),
        MetricsController(),
        AIToolController(),
        AIJobController(),
        ComfyUIServerController(),
        WebController(),
    ]
    for controller in controllers { controller.register(on: app) }
}

/// A controller: a group of handlers and the endpoints they serve.
protocol RouteRegistering: Sendable {
    func register(on routes: any RoutesBuilder)
}

extension SystemController: RouteRegistering {}
extension UserAPIKeyController: RouteRegistering {}
extension ProjectController: RouteRegistering {}
extension AssetController: RouteRegistering {}
extension VersionController: RouteRegistering {}
extension FileController: RouteRegistering {}
extension DependencyController: RouteRegistering {}
extension BlobController: RouteRegistering {}
extension PreviewController: RouteRegistering {}
extension GeneratedPreviewController: RouteRegistering {}
extension ExportController: RouteRegistering {}
extension InspectionController: RouteRegistering {}
extension MemberController: RouteRegistering {}
extension AuthController: RouteRegistering {}
extension SetupController: RouteRegistering {}
extension MeController: RouteRegistering {}
extension UserController: RouteRegistering {}
extension AuditController: RouteRegistering {}
extension SecretController: RouteRegistering {}
extension JobController: RouteRegistering {}
extension JobBatchController: RouteRegistering {}
extension EventController: RouteRegistering {}
extension MetricsController: RouteRegistering {}
extension AIToolController: RouteRegistering {}
extension AIJobController: RouteRegistering {}
extension ComfyUIServerController: RouteRegistering {}
extension WebController: RouteRegistering {}
