/// A deterministic synthetic news stream for the dedupe benchmark: articles of Zipf-
/// distributed pseudo-words, a quarter of them reprints of a recent article (trimmed, with a
/// credit line, a few words inserted or dropped, page junk added).
public struct SyntheticCorpus {
    private var random: SplitMix64
    private let vocabularyBytes: [[UInt8]]
    /// Cumulative Zipf weights of `vocabulary`.
    private let cumulative: [Double]
    private var recent: [String] = []
    private var produced = 0

    /// Share of documents that reprint a recent one.
    public var reprintShare = 0.25

    /// A stream; equal seeds give equal streams.
    public init(seed: UInt64 = 42, vocabularySize: Int = 30_000) {
        random = SplitMix64(seed: seed)
        let syllables = ["ka", "lo", "mi", "ter", "an", "sel", "po", "ru", "vin", "de", "sa", "mor",
                         "tri", "el", "con", "ba", "ni", "gus", "fa", "lem", "or", "pi", "sta", "we"]
        var words: [String] = []
        var seen: Set<String> = []
        var generator = SplitMix64(seed: seed ^ 0x5EED)
        while words.count < vocabularySize {
            let length = 1 + Int(generator.next() % 4)
            let word = (0..<length).map { _ in syllables[Int(generator.next() % UInt64(syllables.count))] }.joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabularyBytes = words.map { Array($0.utf8) }
        var total = 0.0
        cumulative = (1...vocabularySize).map { rank in
            total += 1 / Double(rank)
            return total
        }
    }

    /// The next document: an id and a text.
    public mutating func next() -> (id: String, text: String) {
        produced += 1
        let id = "doc-\(produced)"
        let text: String
        if !recent.isEmpty, random.unit() < reprintShare {
            text = reprint(recent[Int(random.next() % UInt64(recent.count))])
        } else {
            text = article()
            recent.append(text)
            if recent.count > 2_000 { recent.removeFirst(500) }
        }
        return (id, text)
    }

    private mutating func wordIndex() -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func article() -> String {
        // Built as bytes: joining strings made the generator slower than the engine.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        let paragraphs = 6 + Int(random.next() % 10)
        for paragraph in 0..<paragraphs {
            if paragraph > 0 { bytes.append(0x0A) }
            let sentences = 2 + Int(random.next() % 3)
            for sentence in 0..<sentences {
                if sentence > 0 { bytes.append(0x20) }
                let words = 8 + Int(random.next() % 14)
                for position in 0..<words {
                    if position > 0 { bytes.append(0x20) }
                    let start = bytes.count
                    bytes.append(contentsOf: vocabularyBytes[wordIndex()])
                    if position == 0 { bytes[start] &-= 0x20 }
                }
                bytes.append(0x2E)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func reprint(_ original: String) -> String {
        var paragraphs = original.split(separator: "\n").map(String.init)
        if random.unit() < 0.5 {
            let keep = max(1, Int(Double(paragraphs.count) * (0.6 + 0.4 * random.unit())))
            paragraphs = Array(paragraphs.prefix(keep))
        }
        for _ in 0..<Int(random.next() % 4) {
            let at = Int(random.next() % UInt64(paragraphs.count))
            var words = paragraphs[at].split(separator: " ").map(String.init)
            let position = Int(random.next() % UInt64(words.count))
            if random.unit() < 0.5 { words.insert("reportedly", at: position) } else if words.count > 1 { words.remove(at: position) }
            paragraphs[at] = words.joined(separator: " ")
        }
        let credits = ["LONDON (Reuters) - ", "PARIS (AFP) - ", "NEW YORK (AP) - ", "TOKYO (Reuters) - "]
        paragraphs[0] = credits[Int(random.next() % 4)] + paragraphs[0]
        if random.unit() < 0.5 { paragraphs.insert("Advertisement", at: min(2, paragraphs.count)) }
        if random.unit() < 0.5 { paragraphs.append("© 2025 Thomson Reuters. All rights reserved.") }
        return paragraphs.joined(separator: "\n")
    }
}

/// SplitMix64: a tiny, well-known deterministic generator, so that the benchmark stream is
/// the same on every machine.
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
