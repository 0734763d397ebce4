import Glibc

/// Removes the bodies of `<script>`, `<style>` and `<svg>` elements and HTML comments before
/// libxml2 sees the page. On news pages these are well over half of the bytes, and the
/// extractor throws them away anyway; libxml2 would still walk them character by character.
/// The tags themselves stay (empty), so the tree has the same shape. JSON-LD scripts are
/// kept whole because they carry the article's metadata.
///
/// This follows the HTML tokenizer's own rule for raw-text elements: their content ends at
/// the first case-insensitive `</script` (or `</style`), whatever it is inside.
enum MarkupPrefilter {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var copyFrom = 0
            var index = 0
            output.reserveCapacity(count / 2)

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

            while index < count {
                guard let hit = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
                let open = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                if matches(buffer, open, "<!--") {
                    let close = find("-->", from: open + 4).map { $0 + 3 } ?? count
                    output.append(contentsOf: buffer[copyFrom..<open])
                    copyFrom = close
                    index = close
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
                    index = open + 1
                    continue
                }
                guard let tagEnd = memchr(base + open, Int32(UInt8(ascii: ">")), count - open)
                    .map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) }) else { break }
                if element.name.utf8Start[1] == UInt8(ascii: "c") && isJSONLD(buffer, open, tagEnd) {
                    index = tagEnd + 1
                    continue
                }
                let close = find(element.close, from: tagEnd + 1) ?? count
                output.append(contentsOf: buffer[copyFrom...tagEnd])
                copyFrom = close
                index = close + 1
            }
            output.append(contentsOf: buffer[copyFrom..<count])
        }
        return output
    }

    /// `needle` (lower-case ASCII) at `offset`, compared case-insensitively.
    @inline(__always)
    private static func matches(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ needle: StaticString) -> Bool {
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
