/// A record commit that cannot be finished.
public enum RecordWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A journal entry names a pending body file that is gone and the record's file was never
    /// renamed into place: something outside Copydesk removed it, so the record cannot be
    /// finished without inventing its text.
    case pendingBodyMissing(file: String, record: String)

    public var description: String {
        switch self {
        case .pendingBodyMissing(let file, let record):
            "pending body \(file) of record \(record) is missing; restore it or remove the record's journal entry"
        }
    }
}
