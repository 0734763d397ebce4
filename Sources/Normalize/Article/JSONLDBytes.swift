/// Byte searches over a JSON-LD block that is not valid JSON, shared by the scans that read
/// its dates (``JSONLDDateScan``) and its authors (``JSONLDAuthorScan``).
enum JSONLDBytes {
    /// The first index at or after `start` where `needle` occurs in `block`.
    static func find(_ needle: [UInt8], in block: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, block.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= block.count {
            if block[index] == first && block[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
