import Glibc

/// `class` and `id` values lifted out of the markup by `MarkupPrefilter` and handed to
/// `HTMLTreeBuilder` beside it, so libxml2 does not read them.
///
/// libxml2 reads an attribute value one character at a time through a function call per
/// byte (`xmlNextChar`), and class names are most of the attribute bytes left after the
/// prefilter. A lifted value is replaced in the markup by a reference: the byte 0x01 and the
/// value's index in decimal (`class="\u{1}12"`), which the builder resolves here. The stash
/// stores the value already lowercased, as the builder stores hints.
///
/// Only values libxml2 hands over byte for byte are lifted: quoted, printable ASCII without
/// `&` (no entity to decode, no line break or control byte to normalise), and longer than
/// their reference (the prefilter's output must not outgrow its input). A page holding the
/// byte 0x01 anywhere gets no stash, so every reference the builder meets is one of ours
/// (libxml2 never produces 0x01 from a character reference: it refuses control characters).
struct HintStash {
    /// The marker that opens a reference.
    static let marker: UInt8 = 0x01

    private(set) var bytes: [UInt8] = []
    /// End offset in `bytes` of each value; value `i` starts where value `i - 1` ends.
    private(set) var ends: [Int32] = []

    /// A stash for `page`, or nil when the page holds the marker byte.
    static func forPage(_ page: UnsafeBufferPointer<UInt8>) -> HintStash? {
        guard let base = page.baseAddress else { return HintStash() }
        guard memchr(base, Int32(marker), page.count) == nil else { return nil }
        var stash = HintStash()
        stash.bytes.reserveCapacity(page.count / 16)
        stash.ends.reserveCapacity(page.count / 256)
        return stash
    }

    /// Lifts `value` (the bytes between the quotes) when it can be, writing its reference to
    /// `target`; returns the reference's length, or nil when the value must stay in the markup.
    /// `target` has room for at least `value.count` bytes.
    mutating func lift(_ value: UnsafeBufferPointer<UInt8>, referenceInto target: UnsafeMutablePointer<UInt8>) -> Int? {
        let index = ends.count
        let referenceLength = 1 + Self.digits(index)
        guard value.count > referenceLength, index < Int(Int32.max) else { return nil }
        for byte in value where byte < 0x20 || byte > 0x7E || byte == UInt8(ascii: "&") { return nil }
        // Copied whole, then lowercased in place: an append per byte paid a uniqueness check each.
        let start = bytes.count
        bytes.append(contentsOf: value)
        bytes.withUnsafeMutableBufferPointer { stored in
            for position in start..<stored.count where stored[position] >= 0x41 && stored[position] <= 0x5A {
                stored[position] |= 0x20
            }
        }
        ends.append(Int32(bytes.count))
        target[0] = Self.marker
        var remaining = index
        for position in stride(from: referenceLength - 1, through: 1, by: -1) {
            target[position] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
        }
        return referenceLength
    }

    /// The lowercased value a NUL-terminated attribute value refers to, or nil when it is not
    /// a reference to a stored value.
    func value(referencedBy attribute: UnsafePointer<UInt8>) -> ArraySlice<UInt8>? {
        guard attribute[0] == Self.marker else { return nil }
        var index = 0
        var position = 1
        while attribute[position] != 0 {
            let digit = attribute[position] &- UInt8(ascii: "0")
            guard digit < 10, position <= 10 else { return nil }
            index = index * 10 + Int(digit)
            position += 1
        }
        guard position > 1, index < ends.count else { return nil }
        let start = index == 0 ? 0 : Int(ends[index - 1])
        return bytes[start..<Int(ends[index])]
    }

    @inline(__always)
    private static func digits(_ value: Int) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }
}
