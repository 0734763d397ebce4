/// Header field text from bytes: WARC and HTTP header names and values, with the optional
/// whitespace around them (space, tab, and a stray CR) trimmed on the bytes, before a `String`
/// is made. Foundation's `trimmingCharacters(in:)` cost more than the parsing around it.
enum FieldText {
    static func trimmed(_ bytes: some BidirectionalCollection<UInt8>) -> String {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { bytes.formIndex(after: &start) }
        while start < end {
            let last = bytes.index(before: end)
            guard isSpace(bytes[last]) else { break }
            end = last
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0d }
}
