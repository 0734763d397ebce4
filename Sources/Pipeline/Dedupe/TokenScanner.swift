/// The single pass of ``TextNormalizer``: UTF-8 in, tokens out, written through raw buffers
/// (this loop is most of the cost of a fingerprint).
enum TokenScanner {
    /// Scans `input`. With `unicodeFolded` false, returns nil on the first character that
    /// needs NFKC or Unicode lower-casing first.
    static func scan(_ input: UnsafeBufferPointer<UInt8>, unicodeFolded: Bool) -> NormalizedText? {
        // Output is at most 4/3 of the input (a 3-byte unspaced character and its space);
        // one-to-one lower-case mappings may grow a character by a byte. A token needs at
        // least one input byte, so there are at most as many tokens as bytes.
        let byteCapacity = input.count * 2 + 16
        let tokenCapacity = input.count + 1
        var failed = false
        var unspaced = 0
        var tokenCount = 0
        var starts: [Int32] = []
        var ends: [Int32] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: byteCapacity) { out, written in
            starts = [Int32](unsafeUninitializedCapacity: tokenCapacity) { startBuffer, startCount in
                ends = [Int32](unsafeUninitializedCapacity: tokenCapacity) { endBuffer, endCount in
                    var writer = Writer(out: out, starts: startBuffer, ends: endBuffer)
                    failed = !writer.run(input, unicodeFolded: unicodeFolded)
                    written = writer.count
                    unspaced = writer.unspaced
                    tokenCount = writer.tokens
                    endCount = writer.tokens
                }
                startCount = tokenCount
            }
        }
        if failed { return nil }
        return NormalizedText(bytes: bytes, tokenStarts: starts, tokenEnds: ends, unspacedTokens: unspaced)
    }

    /// Decodes the scalar starting at `index` of valid UTF-8 (a Swift string's storage).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Writes folded bytes and token boundaries into buffers sized by ``scan(_:unicodeFolded:)``.
    struct Writer {
        let out: UnsafeMutableBufferPointer<UInt8>
        let starts: UnsafeMutableBufferPointer<Int32>
        let ends: UnsafeMutableBufferPointer<Int32>
        var count = 0
        var tokens = 0
        var inToken = false
        var unspaced = 0

        init(out: UnsafeMutableBufferPointer<UInt8>, starts: UnsafeMutableBufferPointer<Int32>,
             ends: UnsafeMutableBufferPointer<Int32>) {
            self.out = out
            self.starts = starts
            self.ends = ends
        }

        /// Scans all of `input`; false when a character needs the Unicode passes first.
        mutating func run(_ input: UnsafeBufferPointer<UInt8>, unicodeFolded: Bool) -> Bool {
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte < 0x80 {
                    addASCII(byte)
                    index += 1
                    continue
                }
                var (scalar, length) = TokenScanner.decode(input, at: index)
                index += length
                if !unicodeFolded {
                    guard let folded = TextNormalizer.foldedWithoutUnicodePass(scalar) else { return false }
                    scalar = folded
                }
                add(scalar)
            }
            endToken()
            return true
        }

        @inline(__always)
        mutating func addASCII(_ byte: UInt8) {
            switch byte {
            case 0x61...0x7A:
                startToken()
                put(byte)
            case 0x41...0x5A:
                startToken()
                put(byte | 0x20)
            case 0x30...0x39:
                startToken()
                put(0x30)
            case 0x27, 0x60:
                break
            default:
                endToken()
            }
        }

        mutating func add(_ scalar: Unicode.Scalar) {
            switch TextNormalizer.role(of: scalar) {
            case .letter:
                startToken()
                putUTF8(scalar)
            case .digit:
                startToken()
                put(0x30)
            case .joiner:
                break
            case .mark:
                if inToken { putUTF8(scalar) }
            case .unspaced:
                endToken()
                startToken()
                putUTF8(scalar)
                endToken()
                unspaced += 1
            case .separator:
                endToken()
            }
        }

        @inline(__always)
        mutating func put(_ byte: UInt8) {
            out[count] = byte
            count += 1
        }

        mutating func putUTF8(_ scalar: Unicode.Scalar) {
            for byte in scalar.utf8 { put(byte) }
        }

        @inline(__always)
        mutating func startToken() {
            guard !inToken else { return }
            if count > 0 { put(0x20) }
            starts[tokens] = Int32(count)
            inToken = true
        }

        @inline(__always)
        mutating func endToken() {
            guard inToken else { return }
            ends[tokens] = Int32(count)
            tokens += 1
            inToken = false
        }
    }
}
