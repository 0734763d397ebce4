/// The raw-response archive: every fetched article response also written to WARC files.
public struct ArchiveConfig: Codable, Sendable, Equatable {
    /// Where the WARC files go; nil (the default) turns the archive off.
    public var directory: String?
    /// A file is closed and a new one started once it reaches this size (compressed bytes).
    public var maxFileBytes: Int = 1_000_000_000

    public init(directory: String? = nil, maxFileBytes: Int = 1_000_000_000) {
        self.directory = directory
        self.maxFileBytes = maxFileBytes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        directory = try c.decodeIfPresent(String.self, forKey: .directory)
        maxFileBytes = try c.decodeIfPresent(Int.self, forKey: .maxFileBytes) ?? 1_000_000_000
    }
}
