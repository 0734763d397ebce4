/// A minimal Brotli (RFC 7932) encoder that stores data in uncompressed meta-blocks.
///
/// The output does not shrink, but it is a valid `br` stream, which is all the tests need to
/// prove that the client negotiates and decodes Brotli.
enum Brotli {
    static func encode(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(0, bitCount: 1)  // WBITS = 16
        var offset = 0
        while offset < input.count {
            let length = min(65536, input.count - offset)
            out.write(0, bitCount: 1)  // ISLAST = 0
            out.write(0, bitCount: 2)  // MNIBBLES = 4
            out.write(UInt32(length - 1), bitCount: 16)  // MLEN - 1
            out.write(1, bitCount: 1)  // ISUNCOMPRESSED
            out.alignToByte()
            out.append(contentsOf: input[offset..<(offset + length)])
            offset += length
        }
        out.write(1, bitCount: 1)  // ISLAST
        out.write(1, bitCount: 1)  // ISLASTEMPTY
        return out.finish()
    }
}
