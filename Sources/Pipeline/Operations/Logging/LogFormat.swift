/// How log lines are rendered on standard error.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One readable line per event: `2024-05-01T12:00:00.123Z info fetched source=bbc http.status=200`.
    case text
    /// One JSON object per line, metadata keys flattened next to `ts`, `level`, `logger`, `msg`.
    case json
}
