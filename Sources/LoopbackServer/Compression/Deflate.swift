/// A small DEFLATE (RFC 1951) encoder: LZ77 with one hash candidate per position, coded with
/// the fixed Huffman tables.
///
/// It exists so the loopback server can send real gzip and deflate bodies without linking zlib;
/// the ratio is modest but the output is valid for every decoder.
enum Deflate {
    static let lengthBases: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtraBits: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBases: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtraBits: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Compresses `input` into one final fixed-Huffman block.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = BitWriter()
        out.write(1, bitCount: 1)  // BFINAL
        out.write(1, bitCount: 2)  // BTYPE = fixed Huffman
        let hashBits = 15
        var head = [Int](repeating: -1, count: 1 << hashBits)
        input.withUnsafeBufferPointer { data in
            let n = data.count
            var i = 0
            while i < n {
                var matchLength = 0
                var matchDistance = 0
                if i + 3 <= n {
                    let hash = ((Int(data[i]) << 10) ^ (Int(data[i + 1]) << 5) ^ Int(data[i + 2])) & ((1 << hashBits) - 1)
                    let candidate = head[hash]
                    head[hash] = i
                    if candidate >= 0, i - candidate <= 32768 {
                        let limit = min(258, n - i)
                        var length = 0
                        while length < limit, data[candidate + length] == data[i + length] { length += 1 }
                        if length >= 3 {
                            matchLength = length
                            matchDistance = i - candidate
                        }
                    }
                }
                if matchLength > 0 {
                    writeMatch(length: matchLength, distance: matchDistance, to: &out)
                    i += matchLength
                } else {
                    writeLiteral(Int(data[i]), to: &out)
                    i += 1
                }
            }
        }
        writeLiteral(256, to: &out)  // end of block
        return out.finish()
    }

    /// A stream that inflates to `size` zero bytes from a tiny input: the "gzip bomb" tests need.
    static func zeros(count size: Int) -> [UInt8] {
        var out = BitWriter()
        out.write(1, bitCount: 1)
        out.write(1, bitCount: 2)
        var remaining = size
        if remaining > 0 {
            writeLiteral(0, to: &out)
            remaining -= 1
        }
        while remaining >= 3 {
            // Keep at least 3 for the final match so no 1–2 byte tail is left unencodable.
            let length = remaining > 258 && remaining - 258 < 3 ? remaining - 3 : min(258, remaining)
            writeMatch(length: length, distance: 1, to: &out)
            remaining -= length
        }
        while remaining > 0 {
            writeLiteral(0, to: &out)
            remaining -= 1
        }
        writeLiteral(256, to: &out)
        return out.finish()
    }

    static func writeLiteral(_ symbol: Int, to out: inout BitWriter) {
        switch symbol {
        case 0...143: out.writeHuffman(UInt32(0x30 + symbol), bitCount: 8)
        case 144...255: out.writeHuffman(UInt32(0x190 + symbol - 144), bitCount: 9)
        case 256...279: out.writeHuffman(UInt32(symbol - 256), bitCount: 7)
        default: out.writeHuffman(UInt32(0xC0 + symbol - 280), bitCount: 8)
        }
    }

    static func writeMatch(length: Int, distance: Int, to out: inout BitWriter) {
        let lengthIndex = lengthBases.lastIndex { $0 <= length }!
        writeLiteral(257 + lengthIndex, to: &out)
        if lengthExtraBits[lengthIndex] > 0 {
            out.write(UInt32(length - lengthBases[lengthIndex]), bitCount: lengthExtraBits[lengthIndex])
        }
        let distanceIndex = distanceBases.lastIndex { $0 <= distance }!
        out.writeHuffman(UInt32(distanceIndex), bitCount: 5)
        if distanceExtraBits[distanceIndex] > 0 {
            out.write(UInt32(distance - distanceBases[distanceIndex]), bitCount: distanceExtraBits[distanceIndex])
        }
    }
}
