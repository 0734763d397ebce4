/// Dates read straight from the bytes of a JSON-LD block that is not valid JSON (trailing
/// commas, unescaped quotes, two objects run together): publishers' templates break it often,
/// and the dates in it are still right.
enum JSONLDDateScan {
    static func entry(_ block: [UInt8]) -> StructuredData.DateEntry? {
        let published = value(of: "\"datePublished\"", in: block)
        let modified = value(of: "\"dateModified\"", in: block)
        guard published != nil || modified != nil else { return nil }
        let isArticle = JSONLDBytes.find(Array("Article\"".utf8), in: block, from: 0) != nil
            || JSONLDBytes.find(Array("Posting\"".utf8), in: block, from: 0) != nil
        return StructuredData.DateEntry(published: published, modified: modified, isArticle: isArticle)
    }

    /// The string after `"key"`, blanks and a colon: `"datePublished" : "2020-01-02"`.
    private static func value(of key: String, in block: [UInt8]) -> String? {
        let needle = Array(key.utf8)
        guard let hit = JSONLDBytes.find(needle, in: block, from: 0) else { return nil }
        var index = hit + needle.count
        while index < block.count && (block[index] == 0x20 || block[index] == 0x3A || block[index] < 0x20) { index += 1 }
        guard index < block.count, block[index] == 0x22 else { return nil }
        let start = index + 1
        var end = start
        while end < block.count && block[end] != 0x22 && end - start < 64 { end += 1 }
        guard end < block.count, block[end] == 0x22, end > start else { return nil }
        return String(decoding: block[start..<end], as: UTF8.self)
    }
}
