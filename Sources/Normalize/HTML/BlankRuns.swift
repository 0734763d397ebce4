/// Copies text between tags with every run of blanks (space, LF, tab, CR: libxml2's blank set)
/// shortened to its first byte, for `MarkupPrefilter`.
///
/// Every text byte of a page passes through here. Most eight-byte words of text hold no two
/// blanks in a row (words are separated by one space), so a word is tested for such a pair
/// with byte-wise compares without branches and, when it has none, stored whole; a word with
/// a pair (indentation, blank lines) is copied byte by byte, exactly as `plain` does.
enum BlankRuns {
    /// Copies `length` bytes from `source` to `target`, collapsing blank runs; returns how many
    /// bytes were written. Each call starts a new run (text between two tags).
    ///
    /// `target` must have room for `length` bytes: the output is never longer than the input.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, _ length: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        var previous = false
        let raw = UnsafeRawPointer(source)
        while index + 8 <= length {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let blanks = blankBytes(word)
            // A pair inside the word, or a run entering it from the byte before.
            let pairs = (blanks & (blanks << 8)) | (previous ? blanks & 0x80 : 0)
            if pairs == 0 {
                UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                written &+= 8
                previous = blanks >> 63 != 0
            } else {
                for offset in index..<index + 8 { step(source[offset], target, &written, &previous) }
            }
            index += 8
        }
        while index < length {
            step(source[index], target, &written, &previous)
            index += 1
        }
        return written
    }

    /// The same copy, byte by byte: the reference `copy` is tested against.
    static func plain(_ source: UnsafePointer<UInt8>, _ length: Int, to target: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        var previous = false
        for index in 0..<length { step(source[index], target, &written, &previous) }
        return written
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    private static func step(_ byte: UInt8, _ target: UnsafeMutablePointer<UInt8>, _ written: inout Int,
                             _ previous: inout Bool) {
        let blank = isBlank(byte)
        target[written] = byte
        written &+= blank && previous ? 0 : 1
        previous = blank
    }

    /// 0x80 in every byte of `word` that is a blank, nothing elsewhere.
    @inline(__always)
    private static func blankBytes(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ 0x2020_2020_2020_2020) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroBytes(word ^ 0x0909_0909_0909_0909) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
    }

    /// 0x80 in every byte of `word` that is zero, nothing elsewhere (exact for every byte value).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }
}
