import Foundation

/// The on-disk cache format: a magic line, a length-prefixed JSON header (the entry's key and
/// panel id, the schema of its tables: names, rows, columns; labels, notes, metadata), raw
/// little-endian Float64 column data, and a checksum of everything before it (32 hex digits,
/// `StableHash`). Fast to read for 40 000-point heatmaps; any flipped byte, truncation or entry
/// copied under another panel's name is detected before the data is used.
enum CacheCodec {
    static let magic = Data("WGMFIG-CACHE-3\n".utf8)
    /// Length of the trailing checksum.
    static let checksumBytes = 32

    /// Whose data an entry is: checked against the name it was looked up under.
    struct Identity: Equatable {
        var panel: String
        var key: String
    }

    private struct Header: Codable {
        struct Column: Codable { var name: String; var labels: [String]? }
        struct Table: Codable { var name: String; var rows: Int; var columns: [Column] }
        var panel: String
        var key: String
        var tables: [Table]
        var notes: [String]
        var metadataKeys: [String]
        var metadataValues: [String]
        var computeSeconds: Double
    }

    static func encode(_ data: FigureData, computeSeconds: Double, identity: Identity) throws -> Data {
        var payload = Data()
        let header = Header(
            panel: identity.panel, key: identity.key,
            tables: data.tables.map { t in
                Header.Table(name: t.name, rows: t.rowCount, columns: t.columns.map { c in
                    switch c.values {
                    case .numbers(let v):
                        v.withUnsafeBufferPointer { payload.append(Data(buffer: $0)) }
                        return Header.Column(name: c.name, labels: nil)
                    case .labels(let l): return Header.Column(name: c.name, labels: l)
                    }
                })
            },
            notes: data.notes, metadataKeys: data.metadata.map(\.key), metadataValues: data.metadata.map(\.value),
            computeSeconds: computeSeconds)
        let json = try JSONEncoder().encode(header)
        var out = magic
        var n = UInt64(json.count).littleEndian
        withUnsafeBytes(of: &n) { out.append(contentsOf: $0) }
        out.append(json)
        out.append(payload)
        out.append(Data(checksum(out).utf8))
        return out
    }

    /// The data of an entry, verified: magic, checksum, identity, schema and exact length.
    static func decode(_ blob: Data, expecting identity: Identity? = nil) throws -> (FigureData, computeSeconds: Double) {
        guard blob.starts(with: magic) else { throw FigureError.corruptCache("not a wgmfig cache entry of this version") }
        guard blob.count >= magic.count + 8 + checksumBytes else { throw FigureError.corruptCache("truncated") }
        let body = blob.prefix(blob.count - checksumBytes)
        guard String(decoding: blob.suffix(checksumBytes), as: UTF8.self) == checksum(body) else {
            throw FigureError.corruptCache("checksum mismatch: damaged or truncated")
        }
        var offset = magic.count
        let n = body.subdata(in: offset..<offset + 8).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        offset += 8
        guard n <= UInt64(body.count - offset) else { throw FigureError.corruptCache("truncated header") }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: body.subdata(in: offset..<offset + Int(n))) } catch {
            throw FigureError.corruptCache("unreadable header")
        }
        offset += Int(n)
        if let identity, identity != Identity(panel: header.panel, key: header.key) {
            throw FigureError.corruptCache("holds \(header.panel) data under key \(header.key.prefix(8))…, not \(identity.panel)'s \(identity.key.prefix(8))…")
        }
        var tables: [DataTable] = []
        for t in header.tables {
            guard t.rows >= 0, t.rows <= (body.count - offset) / 8 || t.columns.allSatisfy({ $0.labels != nil }) else {
                throw FigureError.corruptCache("table \(t.name): \(t.rows) rows do not fit the entry")
            }
            var cols: [DataColumn] = []
            for c in t.columns {
                if let labels = c.labels {
                    guard labels.count == t.rows else { throw FigureError.corruptCache("table \(t.name): column \(c.name) has \(labels.count) labels for \(t.rows) rows") }
                    cols.append(DataColumn(c.name, labels: labels)); continue
                }
                let bytes = t.rows * 8
                guard offset + bytes <= body.count else { throw FigureError.corruptCache("truncated data") }
                let values = body.subdata(in: offset..<offset + bytes).withUnsafeBytes { raw in
                    (0..<t.rows).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
                }
                offset += bytes
                cols.append(DataColumn(c.name, values))
            }
            do { tables.append(try DataTable(name: t.name, columns: cols)) } catch {
                throw FigureError.corruptCache("table \(t.name): \(error)")
            }
        }
        guard offset == body.count else { throw FigureError.corruptCache("\(body.count - offset) bytes beyond its tables") }
        guard header.metadataKeys.count == header.metadataValues.count else { throw FigureError.corruptCache("metadata keys and values differ in number") }
        let meta = zip(header.metadataKeys, header.metadataValues).map { (key: $0, value: $1) }
        return (FigureData(tables: tables, notes: header.notes, metadata: meta), header.computeSeconds)
    }

    /// 32 hex digits of `StableHash` over `bytes`.
    private static func checksum(_ bytes: Data) -> String {
        var h = StableHash()
        h.combine("wgmfig-cache-checksum")
        bytes.withUnsafeBytes { h.combine(raw: $0) }
        return h.hex
    }
}
