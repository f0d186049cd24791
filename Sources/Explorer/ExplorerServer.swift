import Figures
import Foundation
import HTTPTypes
import Hummingbird

/// `wgmfig serve` over HTTP (Hummingbird): the routes, each answering through `ExplorerService`.
/// Every failure becomes a 4xx (or 5xx) with the one-line message; the server itself stays up.
public struct ExplorerServer: Sendable {
    public let service: ExplorerService

    /// A server for `configuration`.
    public init(configuration: ExplorerConfiguration) { service = ExplorerService(configuration: configuration) }

    /// Serves until SIGINT or SIGTERM (then stops accepting, finishes the open requests and returns).
    /// `onListening` gets the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let c = service.configuration
        let app = Application(router: router(),
                              configuration: .init(address: .hostname(c.host, port: c.port), serverName: "wgmfig"),
                              onServerRunning: { channel in onListening(channel.localAddress?.port ?? c.port) })
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let s = service
        router.get("/") { _, _ in Self.html(Pages.index(s.index.pages())) }
        router.get("/view/:id") { _, context in
            let id = context.parameters.get("id").flatMap { $0.removingPercentEncoding } ?? ""
            do {
                let entry = try s.index.entry(id)
                return Self.html(Pages.view(id: id, title: entry.title))
            } catch {
                let e = ExplorerError.from(error)
                return Self.html(Pages.missing(e.message), status: e.status)
            }
        }
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = Assets.named(name) else {
                return Self.failure(.notFound("no asset '\(context.parameters.get("name")?.prefix(64) ?? "")': the page's assets are \(Assets.names.joined(separator: ", "))"))
            }
            return Self.reply(Data(asset.text.utf8), type: asset.type, headers: [("Cache-Control", "no-cache")])
        }
        router.get("/api/figures") { _, _ in Self.answer { Self.reply(try s.figuresJSON(), type: "application/json") } }
        router.get("/api/describe") { request, _ in
            await Self.answerAsync {
                let items = try QueryString.items(request.uri.query)
                guard items.count == 1, items[0].0 == "id" else { throw ExplorerError.badRequest("give the figure: /api/describe?id=ID") }
                return Self.reply(try s.describeJSON(items[0].1), type: "application/json")
            }
        }
        router.get("/api/progress") { request, _ in
            await Self.answerAsync {
                let items = try QueryString.items(request.uri.query)
                guard items.count == 1, items[0].0 == "client" else { throw ExplorerError.badRequest("give the client: /api/progress?client=ID") }
                return Self.reply(s.progressJSON(client: items[0].1), type: "application/json", headers: [("Cache-Control", "no-store")])
            }
        }
        for (path, kind) in [("/api/render", "render"), ("/api/csv", "csv"), ("/api/spec", "spec")] {
            router.get(RouterPath(stringLiteral: path)) { request, _ in
                await Self.answerAsync {
                    var items = try QueryString.items(request.uri.query)
                    let download = items.contains { $0.0 == "download" }
                    items.removeAll { $0.0 == "download" }
                    return try await Self.view(s, kind, try ViewRequest(query: items, styles: s.styleNames), download: download)
                }
            }
            router.post(RouterPath(stringLiteral: path)) { request, _ in
                await Self.answerAsync {
                    let body: ByteBuffer
                    do { body = try await request.body.collect(upTo: s.configuration.maximumBodyBytes) } catch {
                        throw ExplorerError.tooLarge("the request body exceeds \(s.configuration.maximumBodyBytes) bytes")
                    }
                    return try await Self.view(s, kind, try ViewRequest(json: Data(buffer: body), styles: s.styleNames), download: false)
                }
            }
        }
        router.get("**") { request, _ in Self.failure(.notFound("no page \(request.uri.path.prefix(100)): see / for every figure")) }
        router.post("**") { request, _ in Self.failure(.notFound("nothing to post at \(request.uri.path.prefix(100)): POST goes to /api/render, /api/csv or /api/spec")) }
        return router
    }

    static func view(_ s: ExplorerService, _ kind: String, _ view: ViewRequest, download: Bool) async throws -> Response {
        let reply: ViewReply, ext: String
        switch kind {
        case "csv": reply = try await s.csv(view); ext = "csv"
        case "spec": reply = try s.spec(view); ext = "yaml"
        default: reply = try await s.render(view); ext = view.format.rawValue
        }
        var headers = reply.headers
        if download { headers.append(("Content-Disposition", "attachment; filename=\"\(s.downloadName(view, extension: ext))\"")) }
        return Self.reply(reply.body, type: reply.contentType, headers: headers + [("Cache-Control", "no-store")])
    }

    static func answer(_ body: () throws -> Response) -> Response {
        do { return try body() } catch { return failure(.from(error)) }
    }

    static func answerAsync(_ body: () async throws -> Response) async -> Response {
        do { return try await body() } catch { return failure(.from(error)) }
    }

    static func reply(_ data: Data, type: String, status: HTTPResponse.Status = .ok, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = type
        fields[.init("X-Content-Type-Options")!] = "nosniff"
        for (k, v) in headers { if let name = HTTPField.Name(k) { fields[name] = v } }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error as the CLI prints it: `Error: <one line>`.
    static func failure(_ e: ExplorerError) -> Response {
        reply(Data("Error: \(e.message)\n".utf8), type: "text/plain; charset=utf-8", status: .init(code: e.status))
    }

    static func html(_ text: String, status: Int = 200) -> Response {
        reply(Data(text.utf8), type: "text/html; charset=utf-8", status: .init(code: status), headers: [
            ("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; object-src 'self' blob:; style-src 'self'; script-src 'self'"),
        ])
    }
}
