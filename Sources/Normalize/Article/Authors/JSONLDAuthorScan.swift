import Foundation

/// Authors read straight from the bytes of a JSON-LD block that is not valid JSON (an
/// unescaped quote in a headline, raw HTML in `articleBody`, a stray character after a
/// value): the block's first `"author"` is usually intact even then, as ``JSONLDDateScan``
/// finds its dates.
///
/// The value after `"author":` is read as a string (`"Jana Roe"`), an object (its `"name"`,
/// and whether its `@type` is an organization, by ``DeclaredAuthors``' rule) or an array of either. The first `"author"`
/// of the block is taken: templates write the article's own before any image's or review's.
enum JSONLDAuthorScan {
    /// Most authors read from one block.
    static let maximumAuthors = 12

    static func authors(_ block: [UInt8]) -> [DeclaredAuthor] {
        let key = Array("\"author\"".utf8)
        guard let hit = JSONLDBytes.find(key, in: block, from: 0) else { return [] }
        var index = skipBlanks(block, from: hit + key.count)
        guard index < block.count, block[index] == UInt8(ascii: ":") else { return [] }
        index = skipBlanks(block, from: index + 1)
        guard index < block.count else { return [] }
        switch block[index] {
        case UInt8(ascii: "\""):
            return value(block, at: index).map { [DeclaredAuthor(name: $0.value, isOrganization: false)] } ?? []
        case UInt8(ascii: "{"):
            guard let item = object(block, at: index) else { return [] }
            if let author = item.author { return [author] }
            // `{"@id": …}`: the Person is an object of its own elsewhere in the block (Yoast).
            return item.reference.flatMap { referenced($0, in: block, besides: index) }.map { [$0] } ?? []
        case UInt8(ascii: "["):
            var found: [DeclaredAuthor] = []
            index += 1
            while found.count < maximumAuthors {
                index = skipBlanks(block, from: index)
                guard index < block.count, block[index] != UInt8(ascii: "]") else { break }
                if block[index] == UInt8(ascii: ",") {
                    index += 1
                } else if block[index] == UInt8(ascii: "\""), let text = string(block, at: index) {
                    found.append(DeclaredAuthor(name: text.value, isOrganization: false))
                    index = text.end
                } else if block[index] == UInt8(ascii: "{"), let item = object(block, at: index) {
                    if let author = item.author { found.append(author) }
                    index = item.end
                } else {
                    break
                }
            }
            return found
        default:
            return []
        }
    }

    /// The object starting at `start` (up to its first `}`: an author object nests nothing
    /// that holds its name), its `"name"` and whether its `@type` names an Organization.
    private static func object(_ block: [UInt8], at start: Int) -> (author: DeclaredAuthor?, reference: String?, end: Int)? {
        var index = start + 1
        var name: String?
        var reference: String?
        var isOrganization = false
        while index < block.count {
            let byte = block[index]
            if byte == UInt8(ascii: "}") {
                return (name.map { DeclaredAuthor(name: $0, isOrganization: isOrganization) }, reference, index + 1)
            }
            guard byte == UInt8(ascii: "\""), let field = string(block, at: index) else {
                index += 1
                continue
            }
            var next = skipBlanks(block, from: field.end)
            guard next < block.count, block[next] == UInt8(ascii: ":") else {
                index = field.end
                continue
            }
            next = skipBlanks(block, from: next + 1)
            if next < block.count, block[next] == UInt8(ascii: "\""), let value = value(block, at: next) {
                if field.value == "name" { name = name ?? value.value }
                if field.value == "@id" { reference = reference ?? value.value }
                if field.value == "@type" { isOrganization = DeclaredAuthors.isOrganization(types: [value.value]) }
                index = value.end
            } else {
                index = next
            }
        }
        return nil
    }

    /// The named object whose `@id` is `reference`, found by the reference's other occurrences.
    private static func referenced(_ reference: String, in block: [UInt8], besides start: Int) -> DeclaredAuthor? {
        let needle = Array("\"\(reference)\"".utf8)
        var from = 0
        var tries = 0
        while tries < 8, let hit = JSONLDBytes.find(needle, in: block, from: from) {
            tries += 1
            from = hit + needle.count
            // The object holding this occurrence: back to its opening brace.
            guard let open = (0..<hit).reversed().first(where: { block[$0] == UInt8(ascii: "{") || block[$0] == UInt8(ascii: "}") }),
                  block[open] == UInt8(ascii: "{"), open != start else { continue }
            if let item = object(block, at: open), let author = item.author, item.reference == reference { return author }
        }
        return nil
    }

    /// A quoted JSON string's value: its escapes (`\u00e9`, `\"`) decoded, or the bytes between
    /// the quotes as they are when the escapes are broken too.
    private static func decoded(_ quoted: ArraySlice<UInt8>) -> String {
        let inner = quoted.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")),
              let value = try? JSONSerialization.jsonObject(with: Data(quoted), options: [.fragmentsAllowed]) as? String
        else { return String(decoding: inner, as: UTF8.self) }
        return value
    }

    /// The string whose opening quote is at `start` (at most 200 bytes), and the index after
    /// its closing quote.
    private static func string(_ block: [UInt8], at start: Int) -> (value: String, end: Int)? {
        quoted(block, at: start, limit: 200) { _ in true }
    }

    /// A string in value position: it ends at the first unescaped quote that a comma, a
    /// closing brace or bracket follows. In valid JSON that is the string's own end; in a
    /// broken block it steps over the quotes of markup a CMS left unescaped in the value
    /// (`"name":"By <a href="/profiles/ann-roe">Ann Roe</a>, Tom Lee"`). At most 400 bytes.
    private static func value(_ block: [UInt8], at start: Int) -> (value: String, end: Int)? {
        quoted(block, at: start, limit: 400) { quote in
            let next = skipBlanks(block, from: quote + 1)
            return next >= block.count || [UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(block[next])
        } ?? string(block, at: start)
    }

    /// The quoted string at `start` up to the first unescaped quote `ends` accepts (within
    /// `limit` bytes), decoded, and the index after that quote.
    private static func quoted(_ block: [UInt8], at start: Int, limit: Int,
                               ends: (Int) -> Bool) -> (value: String, end: Int)? {
        var index = start + 1
        while index < block.count && index - start <= limit {
            if block[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if block[index] == UInt8(ascii: "\""), ends(index) {
                return (decoded(block[start...index]), index + 1)
            }
            index += 1
        }
        return nil
    }

    private static func skipBlanks(_ block: [UInt8], from start: Int) -> Int {
        var index = start
        while index < block.count && (block[index] == 0x20 || block[index] < 0x20) { index += 1 }
        return index
    }
}
