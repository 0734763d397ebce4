/// gzip (RFC 1952) and zlib (RFC 1950) framing around ``Deflate``.
enum Gzip {
    /// A gzip member holding `input`.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        wrap(deflated: Deflate.compress(input), crc: CRC32.checksum(input), size: input.count)
    }

    private static let bombs = LockedValue([Int: [UInt8]]())

    /// A gzip member that inflates to `size` zero bytes, made once per size (tests ask for the
    /// same bomb on every retry, and building it is not free in debug builds).
    static func zeros(count size: Int) -> [UInt8] {
        if let cached = bombs.withLock({ $0[size] }) { return cached }
        let made = makeZeros(count: size)
        bombs.withLock { $0[size] = made }
        return made
    }

    private static func makeZeros(count size: Int) -> [UInt8] {
        var crc = CRC32()
        let block = [UInt8](repeating: 0, count: 65536)
        var left = size
        while left > 0 {
            let n = min(left, block.count)
            crc.update(block[0..<n])
            left -= n
        }
        return wrap(deflated: Deflate.zeros(count: size), crc: crc.value, size: size)
    }

    /// A zlib stream, which is what HTTP's `deflate` coding means.
    static func zlib(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        out += Deflate.compress(input)
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in input {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = (b << 16) | a
        out += [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF), UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)]
        return out
    }

    private static func wrap(deflated: [UInt8], crc: UInt32, size: Int) -> [UInt8] {
        var out: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        out += deflated
        out += littleEndian(crc)
        out += littleEndian(UInt32(truncatingIfNeeded: size))
        return out
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
