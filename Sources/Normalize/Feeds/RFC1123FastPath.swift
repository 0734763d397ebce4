/// The one layout most feeds write their dates in, read by position: `Fri, 01 Mar 2024
/// 10:04:05 +0000` (or `GMT`). `RFC822DateParser` tokenizes and recognises every token by
/// shape, which is what sloppy dates need but a large share of feed parsing time for the
/// common case. Anything that is not exactly this layout returns nil and takes the general
/// path, which gives the same instant for every string accepted here.
enum RFC1123FastPath {
    private static let dayNames: [[UInt8]] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map { Array($0.utf8) }
    private static let monthNames: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                "oct", "nov", "dec"].map { Array($0.utf8) }

    /// Seconds since 1970, or nil when `bytes` is not in the fixed layout.
    static func epochSeconds(_ bytes: [UInt8]) -> Int? {
        // "Ddd, DD Mon YYYY HH:MM:SS " is 26 bytes; then "GMT" or "+hhmm".
        guard bytes.count == 29 || bytes.count == 31 else { return nil }
        return bytes.withUnsafeBufferPointer { b -> Int? in
            func lower(_ index: Int) -> UInt8 { b[index] | 0x20 }
            func digit(_ index: Int) -> Int? {
                let byte = b[index]
                return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
            }
            func number(_ index: Int, _ count: Int) -> Int? {
                var value = 0
                for offset in 0..<count {
                    guard let d = digit(index + offset) else { return nil }
                    value = value * 10 + d
                }
                return value
            }
            func name(_ index: Int, in names: [[UInt8]]) -> Int? {
                names.firstIndex { $0[0] == lower(index) && $0[1] == lower(index + 1) && $0[2] == lower(index + 2) }
            }
            guard name(0, in: dayNames) != nil, b[3] == UInt8(ascii: ","), b[4] == 32, b[7] == 32, b[11] == 32,
                  b[16] == 32, b[19] == UInt8(ascii: ":"), b[22] == UInt8(ascii: ":"), b[25] == 32,
                  let day = number(5, 2), let month = name(8, in: monthNames), let year = number(12, 4),
                  let hour = number(17, 2), let minute = number(20, 2), let second = number(23, 2)
            else { return nil }
            var offset = 0
            if b.count == 29 {
                guard b[26] == UInt8(ascii: "G"), b[27] == UInt8(ascii: "M"), b[28] == UInt8(ascii: "T") else { return nil }
            } else {
                guard b[26] == UInt8(ascii: "+") || b[26] == UInt8(ascii: "-"), let hours = number(27, 2),
                      let minutes = number(29, 2), hours <= 14, minutes < 60 else { return nil }
                offset = (b[26] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
            return FeedDate.epochSeconds(year: year, month: month + 1, day: day, hour: hour, minute: minute,
                                         second: second, offsetSeconds: offset)
        }
    }
}
