internal import CBrotli
internal import CZstd
import Foundation

/// Brotli (`br`) and Zstandard (`zstd`) content codings of HTTP bodies held in WARC records,
/// decoded by the reference libraries with a cap on the output (a small body can expand to
/// gigabytes). nil when the bytes are not a complete stream of that coding.
enum ContentDecoders {
    static func brotli(_ input: Data, maxOutputBytes: Int) throws(WARCInflater.Failure) -> Data? {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliDecoderDestroyInstance(state) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: WARCInflater.Failure?
        let complete = input.withUnsafeBytes { raw -> Bool in
            var availableIn = raw.count
            var nextIn = raw.bindMemory(to: UInt8.self).baseAddress
            while true {
                var availableOut = chunk.count
                let result = chunk.withUnsafeMutableBufferPointer { buffer -> BrotliDecoderResult in
                    var nextOut = buffer.baseAddress
                    return BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                output.append(contentsOf: chunk[0..<(chunk.count - availableOut)])
                if output.count > maxOutputBytes { failure = .tooLarge; return false }
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS: return true
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                default: return false  // an error, or the input ended inside the stream
                }
            }
        }
        if let failure { throw failure }
        return complete ? output : nil
    }

    static func zstd(_ input: Data, maxOutputBytes: Int) throws(WARCInflater.Failure) -> Data? {
        guard let stream = ZSTD_createDStream() else { return nil }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: Int(ZSTD_DStreamOutSize()))
        var failure: WARCInflater.Failure?
        let complete = input.withUnsafeBytes { raw -> Bool in
            var inBuffer = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
            var lastResult = 1
            while inBuffer.pos < inBuffer.size || lastResult != 0 {
                let (result, produced) = chunk.withUnsafeMutableBytes { buffer -> (Int, Int) in
                    var outBuffer = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
                    let code = ZSTD_decompressStream(stream, &outBuffer, &inBuffer)
                    return (ZSTD_isError(code) != 0 ? -1 : Int(code), outBuffer.pos)
                }
                guard result >= 0 else { return false }
                output.append(contentsOf: chunk[0..<produced])
                if output.count > maxOutputBytes { failure = .tooLarge; return false }
                lastResult = result
                if produced == 0 && inBuffer.pos >= inBuffer.size && result != 0 { return false }  // input cut short
            }
            return true
        }
        if let failure { throw failure }
        return complete ? output : nil
    }
}
