public import Foundation

/// How much of a `.warc.gz` file is whole gzip members: the length to keep when a writer was
/// killed in the middle of a record (the torn member after it is cut off).
public enum WARCGzipPrefix {
    public static func completeLength(of data: Data) -> Int {
        guard let decoder = GzipMemberDecoder(outputLimit: 1 << 30) else { return 0 }
        return data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
                guard let member = decoder.decodeMember(rest), member.consumed > 0 else { break }
                offset += member.consumed
            }
            return offset
        }
    }
}
