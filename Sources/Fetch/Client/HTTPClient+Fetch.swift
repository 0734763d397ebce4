import Foundation
import Logging

extension HTTPClient {
    /// The fetch behind the public entry points; `obeyRobots` is off for robots.txt itself.
    func fetch(_ request: FetchRequest, obeyRobots: Bool) async throws(FetchError) -> FetchResponse {
        let started = ContinuousClock.now
        var url = request.url
        let originHost = request.url.host?.lowercased()
        var chain: [FetchResponse.Redirect] = []
        var progress = HopProgress()
        var validators: Validators?
        if request.conditional {
            validators = request.validators
            if validators == nil, let cache = conditionalGetCache {
                validators = await cache.validators(for: request.url.absoluteString)
            }
        }
        while true {
            guard let scheme = url.scheme?.lowercased() else { throw .invalidURL(url.absoluteString) }
            guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(scheme) }
            guard let host = url.host?.lowercased(), !host.isEmpty else { throw .invalidURL(url.absoluteString) }
            // Trusted configured URLs stay trusted only on their own host: a redirect elsewhere
            // was chosen by the remote server.
            let checkAddresses = !configuration.allowPrivateNetworks && (request.isDiscovered || host != originHost)
            if obeyRobots {
                let rules = try await robotsRules(for: url, checkAddresses: checkAddresses)
                guard rules.isAllowed(url) else { throw .robotsDisallowed(url) }
            }
            var headers = request.headers
            if let validators { headers += validators.conditionalHeaders }
            let spec = TransferSpec(
                url: url.absoluteString, host: host, method: request.method, headers: headers,
                checkAddresses: checkAddresses && !mayUseProxy
            )
            if checkAddresses && mayUseProxy, await HostResolver.resolvesToBlockedAddress(host) {
                throw .blockedAddress(host: host)
            }
            let raw = try await performWithRetries(spec, origin: Self.origin(of: url), progress: &progress)

            if [301, 302, 303, 307, 308].contains(raw.status), let location = raw.headers["Location"] {
                chain.append(.init(url: url, status: raw.status))
                let limit = min(request.maxRedirects ?? configuration.maxRedirects, configuration.maxRedirects)
                guard chain.count <= limit else { throw .tooManyRedirects(limit: limit) }
                guard let next = URL(string: location, relativeTo: url)?.absoluteURL else {
                    throw .protocolError("unusable Location header: \(location)")
                }
                logger.debug("redirect", metadata: ["url": "\(url)", "http.status": "\(raw.status)", "location": "\(next)"])
                url = Self.removingFragment(next)
                continue
            }
            guard (200..<300).contains(raw.status) || (raw.status == 304 && validators != nil) else {
                throw .http(status: raw.status)
            }
            var timings = raw.timings
            timings.queued = progress.queued
            timings.total = ContinuousClock.now - started
            logger.debug("fetched", metadata: [
                "url": "\(request.url)", "http.status": "\(raw.status)", "attempts": "\(progress.attempts)",
            ])
            return FetchResponse(
                status: raw.status,
                requestedURL: request.url,
                finalURL: url,
                redirectChain: chain,
                headers: raw.headers,
                body: raw.body,
                validators: Validators(etag: raw.headers["ETag"], lastModified: raw.headers["Last-Modified"]),
                timings: timings,
                attempts: progress.attempts,
                httpVersion: raw.httpVersion
            )
        }
    }

    /// Counters carried across the hops of one fetch.
    struct HopProgress {
        var attempts = 0
        var queued = Duration.zero
    }

    /// One hop: waits for a slot, transfers, and retries transient failures.
    func performWithRetries(_ spec: TransferSpec, origin: String, progress: inout HopProgress) async throws(FetchError) -> RawResponse {
        var attempt = 0
        while true {
            attempt += 1
            progress.attempts += 1
            progress.queued += try await scheduler.acquire(origin)
            guard let transfer = CurlTransfer(spec: spec, configuration: configuration) else {
                scheduler.release(origin)
                throw .other("curl_easy_init failed")
            }
            let result = await loop.perform(transfer)
            scheduler.release(origin)
            if Task.isCancelled { throw .cancelled }

            let wait: Duration
            switch result {
            case .success(let raw):
                guard HTTPClientConfiguration.retryableStatuses.contains(raw.status), attempt < configuration.maxAttempts else {
                    return raw
                }
                switch retryPolicy.retryAfter(raw.headers["Retry-After"]) {
                case .tooLong?:
                    return raw  // the server asked for more patience than we have
                case .wait(let delay)?:
                    wait = delay
                    scheduler.pause(origin, until: .now + delay)
                case nil:
                    wait = retryPolicy.backoff(afterAttempt: attempt)
                }
                logger.debug("retrying", metadata: ["url": "\(spec.url)", "http.status": "\(raw.status)", "attempt": "\(attempt)"])
            case .failure(let error):
                guard error.isRetryable, attempt < configuration.maxAttempts else { throw error }
                wait = retryPolicy.backoff(afterAttempt: attempt)
                logger.debug("retrying", metadata: ["url": "\(spec.url)", "error": "\(error.errorClass)", "attempt": "\(attempt)"])
            }
            do { try await Task.sleep(for: wait) } catch { throw .cancelled }
        }
    }

    /// `scheme://host:port`, the unit of politeness and of robots.txt.
    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "http"
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    static func removingFragment(_ url: URL) -> URL {
        guard url.fragment != nil, var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        components.fragment = nil
        return components.url ?? url
    }
}
