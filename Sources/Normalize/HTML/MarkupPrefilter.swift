import Glibc

/// Shrinks a page to what the extractor reads before libxml2 sees it; libxml2 walks every
/// byte it is given character by character, and most of a news page's bytes carry nothing
/// the extractor uses:
///
/// - the bodies of `<script>`, `<style>` and `<svg>` elements and HTML comments (on news
///   pages well over half of the bytes). The tags themselves stay (empty), so the tree has
///   the same shape. JSON-LD scripts are kept whole because they carry the article's metadata.
///   This follows the HTML tokenizer's own rule for raw-text elements: their content ends at
///   the first case-insensitive `</script` (or `</style`), whatever it is inside;
/// - attributes `HTMLTreeBuilder` ignores (`data-*`, `srcset`, `src`, `alt`, `title`, `onclick`,
///   `href` except on `<link>` and a link to a writer's page, …: a third of what is left), so libxml2
///   neither parses nor copies them
///   (`MarkupPrefilter+StartTag`);
/// - runs of white space in text (indentation, an eighth of what is left): every later stage
///   collapses white space anyway, and a single blank still separates words.
///
/// The output is never longer than the input, so it is written into one buffer of the
/// input's size.
enum MarkupPrefilter {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        strip(bytes, liftingHints: false).bytes
    }

    /// The stripped page and, when `liftingHints` (and the page allows it, see `HintStash`),
    /// the `class` and `id` values taken out of it, for `HTMLParser.parse(utf8:hints:)`.
    static func strip(_ bytes: [UInt8], liftingHints: Bool) -> (bytes: [UInt8], hints: HintStash?) {
        bytes.withUnsafeBufferPointer { strip($0, liftingHints: liftingHints) }
    }

    /// ``strip(_:liftingHints:)`` on bytes held elsewhere (a page's `Data`), without a copy.
    static func strip(_ buffer: UnsafeBufferPointer<UInt8>, liftingHints: Bool) -> (bytes: [UInt8], hints: HintStash?) {
        var hints: HintStash?
        let stripped = [UInt8](unsafeUninitializedCapacity: buffer.count) { output, written in
            guard let base = buffer.baseAddress, let target = output.baseAddress else {
                written = 0
                return
            }
            var writer = Writer(target: target)
            if liftingHints { writer.stash = HintStash.forPage(buffer) }
            strip(base, buffer.count, into: &writer)
            written = writer.count
            hints = writer.stash
        }
        return (stripped, hints)
    }

    /// Appends into the output buffer; every write is bounded by the input already consumed.
    struct Writer {
        let target: UnsafeMutablePointer<UInt8>
        var count = 0
        /// Where `class` and `id` values go when they leave the markup (nil: they stay).
        var stash: HintStash?

        @inline(__always)
        mutating func copy(_ source: UnsafePointer<UInt8>, _ length: Int) {
            guard length > 0 else { return }
            (target + count).update(from: source, count: length)
            count += length
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            target[count] = byte
            count += 1
        }
    }

    private static func strip(_ base: UnsafePointer<UInt8>, _ count: Int, into writer: inout Writer) {
        let buffer = UnsafeBufferPointer(start: base, count: count)
        var index = 0

        func find(_ needle: StaticString, from start: Int) -> Int? {
            // Case-insensitive search for an ASCII needle that starts with "<" or "-".
            let first = Int32(needle.utf8Start[0])
            var position = start
            while position < count {
                guard let hit = memchr(base + position, first, count - position) else { return nil }
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if matches(buffer, offset, needle) { return offset }
                position = offset + 1
            }
            return nil
        }

        /// Copies through the next `>` (or to the end) unchanged.
        func copyThroughTagEnd(from start: Int, into writer: inout Writer) -> Int {
            let end = memchr(base + start, Int32(UInt8(ascii: ">")), count - start)
                .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? count
            writer.copy(base + start, end - start)
            return end
        }

        while index < count {
            guard let hit = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else {
                copyCollapsingBlanks(base + index, count - index, into: &writer)
                return
            }
            let open = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            copyCollapsingBlanks(base + index, open - index, into: &writer)
            guard open + 1 < count else {
                writer.append(UInt8(ascii: "<"))
                return
            }
            let next = base[open + 1]
            if next == UInt8(ascii: "!") {
                if matches(buffer, open, "<!--") {
                    index = find("-->", from: open + 4).map { $0 + 3 } ?? count
                } else {
                    index = copyThroughTagEnd(from: open, into: &writer)
                }
                continue
            }
            if next == UInt8(ascii: "/") || next == UInt8(ascii: "?") {
                index = copyThroughTagEnd(from: open, into: &writer)
                continue
            }
            guard isASCIILetter(next) else {
                // A lone "<" in text: libxml2 reads it as a character too.
                writer.append(UInt8(ascii: "<"))
                index = open + 1
                continue
            }
            let element: (name: StaticString, close: StaticString)?
            if matchesTag(buffer, open, "<script") {
                element = ("script", "</script")
            } else if matchesTag(buffer, open, "<style") {
                element = ("style", "</style")
            } else if matchesTag(buffer, open, "<svg") {
                element = ("svg", "</svg")
            } else {
                element = nil
            }
            guard let element else {
                index = rewriteStartTag(buffer, open, into: &writer)
                continue
            }
            guard let tagEnd = memchr(base + open, Int32(UInt8(ascii: ">")), count - open)
                .map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) }) else {
                writer.copy(base + open, count - open)
                return
            }
            writer.copy(base + open, tagEnd + 1 - open)
            let close = find(element.close, from: tagEnd + 1) ?? count
            if element.name.utf8Start[1] == UInt8(ascii: "c") && isJSONLD(buffer, open, tagEnd) {
                // Kept whole and unchanged: white space inside JSON strings is content.
                writer.copy(base + tagEnd + 1, close - tagEnd - 1)
            }
            index = close
        }
    }

    /// Text between tags: a run of blanks (space, tab, CR, LF: libxml2's own blank set)
    /// becomes its first byte (`BlankRuns`).
    @inline(__always)
    private static func copyCollapsingBlanks(_ source: UnsafePointer<UInt8>, _ length: Int,
                                             into writer: inout Writer) {
        writer.count += BlankRuns.copy(source, length, to: writer.target + writer.count)
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { BlankRuns.isBlank(byte) }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// `needle` (lower-case ASCII) at `offset`, compared case-insensitively.
    @inline(__always)
    static func matches(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ needle: StaticString) -> Bool {
        let length = needle.utf8CodeUnitCount
        guard offset + length <= buffer.count else { return false }
        let bytes = needle.utf8Start
        for position in 0..<length {
            let byte = buffer[offset + position]
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if lowered != bytes[position] { return false }
        }
        return true
    }

    /// A start tag named exactly `name` (so `<scripts` or `<styled-x` do not count).
    @inline(__always)
    private static func matchesTag(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ name: StaticString) -> Bool {
        guard matches(buffer, offset, name) else { return false }
        let next = offset + name.utf8CodeUnitCount
        guard next < buffer.count else { return false }
        let byte = buffer[next]
        return byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20
            || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isJSONLD(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        ByteSearch.containsIgnoringCase(Array(buffer[start..<end])[...], Array("ld+json".utf8))
    }
}
