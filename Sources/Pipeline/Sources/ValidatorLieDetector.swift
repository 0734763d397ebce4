/// Catches sources whose HTTP validators cannot be trusted, so conditional GET stops hiding
/// new articles or wasting "modified" responses:
///
/// - **churning validators**: a new `ETag` (or `Last-Modified`) on every response while the
///   content is the same (``PollSchedule/churnLimit`` times in a row) — typical of load-balanced
///   servers each computing their own ETag, or a feed stamping `lastBuildDate` on every request;
/// - **stale validators**: the server says "not modified" (a 304, or a 200 with the same `ETag`)
///   while new items turn up (``PollSchedule/staleLimit`` times) — typical of a cache that never
///   revalidates.
///
/// Either way `trustsValidators` becomes false: the pipeline then fetches unconditionally and
/// decides "unchanged" by the content hash (``EntrySetHash``).
enum ValidatorLieDetector {
    static func update(_ state: inout SourcePollState, with observation: PollObservation) {
        if observation.status == 304 {
            if observation.newItemsObservedElsewhere { state.staleValidators += 1 }
        } else if (200..<300).contains(observation.status), let hash = observation.contentHash {
            let validator = observation.etag ?? observation.lastModified
            let previousValidator = state.lastETag ?? state.lastModified
            if let previousHash = state.lastContentHash, let validator, let previousValidator {
                let sameContent = previousHash == hash
                let sameValidator = validator == previousValidator
                if sameContent && !sameValidator {
                    state.validatorChurn += 1
                } else if !sameContent && sameValidator {
                    state.staleValidators += 1
                    state.validatorChurn = 0
                } else {
                    state.validatorChurn = 0
                }
            }
            if observation.newItemsObservedElsewhere && observation.newItems == 0 && state.lastContentHash == hash {
                state.staleValidators += 1
            }
            state.lastETag = observation.etag
            state.lastModified = observation.lastModified
            state.lastContentHash = hash
        }
        if state.validatorChurn >= PollSchedule.churnLimit || state.staleValidators >= PollSchedule.staleLimit {
            state.trustsValidators = false
        }
    }
}
