/// Packs bits least-significant first, the order DEFLATE and Brotli both use.
struct BitWriter {
    private(set) var bytes: [UInt8] = []
    private var accumulator: UInt64 = 0
    private var count = 0

    /// Appends the low `bitCount` bits of `value`, least significant first.
    mutating func write(_ value: UInt32, bitCount: Int) {
        accumulator |= UInt64(value & (bitCount == 32 ? .max : (1 << UInt32(bitCount)) - 1)) << UInt64(count)
        count += bitCount
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: accumulator))
            accumulator >>= 8
            count -= 8
        }
    }

    /// Appends a Huffman code, which DEFLATE stores most-significant bit first.
    mutating func writeHuffman(_ code: UInt32, bitCount: Int) {
        var reversed: UInt32 = 0
        for i in 0..<bitCount where code & (1 << UInt32(i)) != 0 {
            reversed |= 1 << UInt32(bitCount - 1 - i)
        }
        write(reversed, bitCount: bitCount)
    }

    /// Pads with zero bits to the next byte boundary.
    mutating func alignToByte() {
        if count > 0 { write(0, bitCount: 8 - count) }
    }

    /// Appends whole bytes; the writer must be byte aligned.
    mutating func append<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        precondition(count == 0, "append requires byte alignment")
        bytes.append(contentsOf: other)
    }

    /// The packed bytes, the last one zero padded.
    mutating func finish() -> [UInt8] {
        alignToByte()
        return bytes
    }
}
