extension MetricsTextfile {
    /// Writes the file for the pass just finished: previous counters carried over, gauges replaced.
    ///
    /// Read-modify-write, so two passes must not write the same file at once; the run lock that
    /// keeps `run` and `backfill` apart already guarantees it.
    public func write(_ metrics: RunMetrics) throws(MetricsTextfileError) {
        try write(metrics.families(previous: readFamilies()))
    }
}
