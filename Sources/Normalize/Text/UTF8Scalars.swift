/// Reading scalars straight from a `String`'s UTF-8 bytes, for the byte-level text keys
/// (`AlphanumericKey`, `LowercaseText`) that handle ASCII byte by byte.
enum UTF8Scalars {
    /// The scalar whose (valid, as in any `String`) UTF-8 sequence starts at `index`, and its length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
