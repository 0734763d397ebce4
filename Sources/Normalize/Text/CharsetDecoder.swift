import Glibc

/// Converts document bytes in a known charset to valid UTF-8. Undecodable bytes become
/// U+FFFD; nothing here can fail or trap.
enum CharsetDecoder {
    static func toUTF8(_ bytes: [UInt8], charset: String) -> [UInt8] {
        var input = bytes
        if let bom = CharsetDetector.byteOrderMark(bytes) {
            input = Array(bytes.dropFirst(bom.length))
            if bom.charset == "UTF-8" { return UTF8Repair.repair(input) }
            return UTF8Repair.repair(iconvDecode(input, from: bom.charset) ?? windows1252(input))
        }
        switch charset {
        case "UTF-8":
            return UTF8Repair.repair(input)
        case "WINDOWS-1252":
            return windows1252(input)
        default:
            return UTF8Repair.repair(iconvDecode(input, from: charset) ?? windows1252(input))
        }
    }

    /// windows-1252 to UTF-8 by table: the most common legacy web charset, done without iconv.
    static func windows1252(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte == 0 { continue }
            if byte < 0x80 { output.append(byte); continue }
            let scalar: UInt32 = byte < 0xA0 ? high1252[Int(byte - 0x80)] : UInt32(byte)
            appendScalar(scalar, to: &output)
        }
        return output
    }

    /// Code points of windows-1252 bytes 0x80–0x9F (undefined ones map to themselves, as
    /// the WHATWG index does).
    private static let high1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Any other charset through glibc's iconv; an unknown charset returns nil. Each
    /// undecodable byte is replaced by U+FFFD and skipped.
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var source = bytes
        source.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                guard let inBase = input.baseAddress, let outBase = out.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = input.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = out.count
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    let code = errno
                    if code == E2BIG { break }
                    // EILSEQ or EINVAL: replace one byte and resynchronise.
                    guard outLeft >= 3 else { break }
                    for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
                        outPointer!.pointee = CChar(bitPattern: byte)
                        outPointer = outPointer! + 1
                    }
                    outLeft -= 3
                    inPointer = inPointer! + 1
                    inLeft -= 1
                }
                produced = out.count - outLeft
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}
