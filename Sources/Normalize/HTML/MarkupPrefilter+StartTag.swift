import Glibc

/// Start tags rewritten with only the attributes `HTMLTreeBuilder` reads.
///
/// The tag is read with libxml2 2.9's own grammar for HTML start tags (`htmlParseStartTag`):
/// names are ASCII letters, digits and `: - _ .`, starting with a letter or `_ : .`; blanks
/// are space, tab, CR and LF; a value is double-quoted, single-quoted (either may hold `>`)
/// or runs to the next blank or `>`. Whenever a tag strays from that grammar (a bogus
/// attribute name, a stray `/`, an unterminated quote, a name longer than libxml2's buffer)
/// it is copied unchanged, so libxml2 sees exactly what it would have seen and recovers its
/// own way. The result is the same tree, built from fewer bytes.
extension MarkupPrefilter {
    /// libxml2 truncates names at 100 bytes; longer ones are left to libxml2.
    private static let longestName = 90

    /// Rewrites the start tag at `open` (`<` followed by a letter) into `writer` and returns
    /// the index just past it.
    static func rewriteStartTag(_ buffer: UnsafeBufferPointer<UInt8>, _ open: Int,
                                into writer: inout Writer) -> Int {
        let count = buffer.count
        let mark = writer.count
        var index = open + 1
        let nameEnd = scanName(buffer, from: index)
        guard nameEnd - index <= longestName else { return copyUnchanged(buffer, open, mark, &writer) }
        writer.copy(buffer.baseAddress! + open, nameEnd - open)
        let tag = lookupTag(buffer, open + 1, nameEnd)
        index = nameEnd
        while true {
            let beforeBlanks = index
            while index < count && isBlank(buffer[index]) { index += 1 }
            // A kept attribute gets one blank before it only where the input had at least one:
            // `a="1"b="2"` has none, and adding one would make the output longer than the
            // input, whose size is the output buffer's (a heap overflow found by fuzzing).
            let separated = index > beforeBlanks
            guard index < count else { return copyUnchanged(buffer, open, mark, &writer) }
            let byte = buffer[index]
            if byte == UInt8(ascii: ">") {
                writer.append(byte)
                return index + 1
            }
            if byte == UInt8(ascii: "/") {
                guard index + 1 < count, buffer[index + 1] == UInt8(ascii: ">") else {
                    return copyUnchanged(buffer, open, mark, &writer)
                }
                writer.append(UInt8(ascii: "/"))
                writer.append(UInt8(ascii: ">"))
                return index + 2
            }
            guard isNameStart(byte) else { return copyUnchanged(buffer, open, mark, &writer) }
            let attributeStart = index
            let attributeNameEnd = scanName(buffer, from: index)
            guard attributeNameEnd - attributeStart <= longestName else {
                return copyUnchanged(buffer, open, mark, &writer)
            }
            index = attributeNameEnd
            var valueEnd = attributeNameEnd
            var quotedValue: Range<Int>?
            var value: Range<Int>?
            var probe = index
            while probe < count && isBlank(buffer[probe]) { probe += 1 }
            if probe < count && buffer[probe] == UInt8(ascii: "=") {
                probe += 1
                while probe < count && isBlank(buffer[probe]) { probe += 1 }
                guard probe < count else { return copyUnchanged(buffer, open, mark, &writer) }
                let quote = buffer[probe]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = firstIndex(of: quote, in: buffer, from: probe + 1) else {
                        return copyUnchanged(buffer, open, mark, &writer)
                    }
                    valueEnd = close + 1
                    quotedValue = probe + 1..<close
                    value = quotedValue
                } else {
                    var end = probe
                    while end < count && !isBlank(buffer[end]) && buffer[end] != UInt8(ascii: ">") { end += 1 }
                    guard end > probe else { return copyUnchanged(buffer, open, mark, &writer) }
                    valueEnd = end
                    value = probe..<end
                }
                index = valueEnd
            }
            if isRead(buffer, attributeStart, attributeNameEnd, value: value, on: tag) {
                if separated { writer.append(0x20) }
                if writer.stash != nil, let quotedValue, isHint(buffer, attributeStart, attributeNameEnd) {
                    liftHint(buffer, name: attributeStart..<attributeNameEnd, value: quotedValue,
                             whole: valueEnd, into: &writer)
                } else {
                    writer.copy(buffer.baseAddress! + attributeStart, valueEnd - attributeStart)
                }
            }
        }
    }

    /// Writes `name="<reference>"` when `HintStash` takes the value, the attribute unchanged
    /// otherwise (through `whole`, its end).
    private static func liftHint(_ buffer: UnsafeBufferPointer<UInt8>, name: Range<Int>, value: Range<Int>,
                                 whole: Int, into writer: inout Writer) {
        let base = buffer.baseAddress!
        let mark = writer.count
        writer.copy(base + name.lowerBound, name.count)
        writer.append(UInt8(ascii: "="))
        writer.append(UInt8(ascii: "\""))
        let valueBytes = UnsafeBufferPointer(start: base + value.lowerBound, count: value.count)
        guard let length = writer.stash?.lift(valueBytes, referenceInto: writer.target + writer.count) else {
            writer.count = mark
            writer.copy(base + name.lowerBound, whole - name.lowerBound)
            return
        }
        writer.count += length
        writer.append(UInt8(ascii: "\""))
    }

    /// `class` or `id`, in any case.
    @inline(__always)
    private static func isHint(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        switch end - start {
        case 2: return matches(buffer, start, "id")
        case 5: return matches(buffer, start, "class")
        default: return false
        }
    }

    /// Gives up on rewriting: drops what was written for this tag and copies it as it is,
    /// through the next `>`.
    private static func copyUnchanged(_ buffer: UnsafeBufferPointer<UInt8>, _ open: Int, _ mark: Int,
                                      _ writer: inout Writer) -> Int {
        writer.count = mark
        let end = (firstIndex(of: UInt8(ascii: ">"), in: buffer, from: open)).map { $0 + 1 } ?? buffer.count
        writer.copy(buffer.baseAddress! + open, end - open)
        return end
    }

    @inline(__always)
    private static func firstIndex(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress,
              let hit = memchr(base + start, Int32(byte), buffer.count - start) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    @inline(__always)
    private static func scanName(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < buffer.count {
            let byte = buffer[index]
            guard isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ":")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            else { break }
            index += 1
        }
        return index
    }

    /// The element named by `buffer[start..<end]` (any case), as the builder will look it up.
    private static func lookupTag(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTag {
        guard end - start <= 31 else { return .other }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { name in
            for offset in 0..<(end - start) {
                let byte = buffer[start + offset]
                name[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            name[end - start] = 0
            return HTMLTag.lookup(UnsafePointer(name.baseAddress!))
        }
    }

    /// Whether the tree builder reads the attribute named by `buffer[start..<end]` (any case)
    /// with `value` on a `tag` element.
    private static func isRead(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, value: Range<Int>?,
                               on tag: HTMLTag) -> Bool {
        // Every name the builder reads is far shorter ("aria-hidden" is the longest).
        guard end - start <= 31 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { name in
            for offset in 0..<(end - start) {
                let byte = buffer[start + offset]
                name[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            name[end - start] = 0
            switch HTMLTreeBuilder.classify(UnsafePointer(name.baseAddress!), on: tag) {
            case .ignored: return false
            case .authorLink:
                // The builder decides on the value libxml2 decodes; one with a character
                // reference ("/author/&#97;") is left for it, so both paths build the same tree.
                guard let value else { return false }
                let bytes = UnsafeBufferPointer(rebasing: buffer[value])
                return bytes.contains(UInt8(ascii: "&")) || AuthorPageLink.matches(bytes)
            default: return true
            }
        }
    }
}
