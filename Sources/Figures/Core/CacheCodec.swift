import Foundation

/// The on-disk cache format: a magic line, a length-prefixed JSON header (names, labels, notes,
/// metadata) and raw little-endian Float64 column data. Fast to read for 40 000-point heatmaps.
enum CacheCodec {
    static let magic = Data("WGMFIG-CACHE-2\n".utf8)

    private struct Header: Codable {
        struct Column: Codable { var name: String; var labels: [String]? }
        struct Table: Codable { var name: String; var rows: Int; var columns: [Column] }
        var tables: [Table]
        var notes: [String]
        var metadataKeys: [String]
        var metadataValues: [String]
        var computeSeconds: Double
    }

    static func encode(_ data: FigureData, computeSeconds: Double) throws -> Data {
        var payload = Data()
        let header = Header(
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
        return out
    }

    static func decode(_ blob: Data) throws -> (FigureData, computeSeconds: Double) {
        guard blob.starts(with: magic), blob.count >= magic.count + 8 else { throw FigureError.corruptCache("bad magic") }
        var offset = magic.count
        let n = blob.subdata(in: offset..<offset + 8).withUnsafeBytes { Int(UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
        offset += 8
        guard n >= 0, offset + n <= blob.count else { throw FigureError.corruptCache("truncated header") }
        let header = try JSONDecoder().decode(Header.self, from: blob.subdata(in: offset..<offset + n))
        offset += n
        var tables: [DataTable] = []
        for t in header.tables {
            var cols: [DataColumn] = []
            for c in t.columns {
                if let labels = c.labels { cols.append(DataColumn(c.name, labels: labels)); continue }
                let bytes = t.rows * 8
                guard offset + bytes <= blob.count else { throw FigureError.corruptCache("truncated data") }
                let values = blob.subdata(in: offset..<offset + bytes).withUnsafeBytes { raw in
                    (0..<t.rows).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
                }
                offset += bytes
                cols.append(DataColumn(c.name, values))
            }
            tables.append(try DataTable(name: t.name, columns: cols))
        }
        guard offset == blob.count else { throw FigureError.corruptCache("trailing bytes") }
        let meta = zip(header.metadataKeys, header.metadataValues).map { (key: $0, value: $1) }
        return (FigureData(tables: tables, notes: header.notes, metadata: meta), header.computeSeconds)
    }
}
