import Foundation

/// Value checks that types alone cannot express.
enum ConfigValidator {
    static func validate(_ config: PipelineConfig) -> [ConfigError] {
        var errors: [ConfigError] = []
        func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String) {
            if !condition { errors.append(ConfigError(path: path, message: message())) }
        }
        check(!config.output.directory.isEmpty, "output.directory", "expected a folder path, got an empty string")
        check(!config.state.path.isEmpty, "state.path", "expected a file path, got an empty string")
        errors += validate(state: config.state, worker: config.worker)

        let fetch = config.fetch
        check(!fetch.userAgent.trimmingCharacters(in: .whitespaces).isEmpty, "fetch.userAgent", "expected a non-empty user agent")
        check(!fetch.userAgent.contains(where: { $0 == "\n" || $0 == "\r" }), "fetch.userAgent", "must be one line")
        check((1...1024).contains(fetch.concurrency), "fetch.concurrency", "expected an integer from 1 to 1024, got \(fetch.concurrency)")
        check((1...64).contains(fetch.perHostConcurrency), "fetch.perHostConcurrency", "expected an integer from 1 to 64, got \(fetch.perHostConcurrency)")
        check(fetch.perHostConcurrency <= fetch.concurrency, "fetch.perHostConcurrency", "must not exceed fetch.concurrency (\(fetch.concurrency))")
        check((0...3_600_000).contains(fetch.perHostDelayMs), "fetch.perHostDelayMs", "expected milliseconds from 0 to 3600000, got \(fetch.perHostDelayMs)")
        check(fetch.timeoutSeconds > 0 && fetch.timeoutSeconds <= 3600, "fetch.timeoutSeconds", "expected seconds above 0 and at most 3600, got \(fetch.timeoutSeconds)")
        check(fetch.connectTimeoutSeconds > 0 && fetch.connectTimeoutSeconds <= fetch.timeoutSeconds, "fetch.connectTimeoutSeconds", "expected seconds above 0 and at most fetch.timeoutSeconds, got \(fetch.connectTimeoutSeconds)")
        check(fetch.stallTimeoutSeconds > 0, "fetch.stallTimeoutSeconds", "expected seconds above 0, got \(fetch.stallTimeoutSeconds)")
        check(fetch.lowSpeedBytesPerSecond >= 1, "fetch.lowSpeedBytesPerSecond", "expected at least 1, got \(fetch.lowSpeedBytesPerSecond)")
        check(fetch.maxBodyBytes >= 1024 && fetch.maxBodyBytes <= 1 << 30, "fetch.maxBodyBytes", "expected bytes from 1024 to 1073741824, got \(fetch.maxBodyBytes)")
        check((0...30).contains(fetch.maxRedirects), "fetch.maxRedirects", "expected an integer from 0 to 30, got \(fetch.maxRedirects)")
        check((1...10).contains(fetch.maxAttempts), "fetch.maxAttempts", "expected an integer from 1 to 10, got \(fetch.maxAttempts)")
        check(fetch.maxRetryAfterSeconds >= 0, "fetch.maxRetryAfterSeconds", "expected seconds, at least 0, got \(fetch.maxRetryAfterSeconds)")
        if let caFile = fetch.caFile {
            check(!caFile.isEmpty, "fetch.caFile", "expected a file path, got an empty string")
        }
        if let proxy = fetch.proxy {
            check(isProxyURL(proxy), "fetch.proxy", "expected an http(s) or socks5 URL, got \"\(proxy)\"")
        }

        check(config.dedupe.threshold > 0 && config.dedupe.threshold <= 1, "dedupe.threshold", "expected a number above 0 and at most 1, got \(config.dedupe.threshold)")
        check((1...3650).contains(config.dedupe.windowDays), "dedupe.windowDays", "expected days from 1 to 3650, got \(config.dedupe.windowDays)")

        check(config.polling.minIntervalMinutes > 0, "polling.minIntervalMinutes", "expected minutes above 0, got \(config.polling.minIntervalMinutes)")
        check(config.polling.maxIntervalMinutes >= config.polling.minIntervalMinutes, "polling.maxIntervalMinutes", "must be at least polling.minIntervalMinutes (\(config.polling.minIntervalMinutes))")
        if let path = config.metrics.path {
            check(!path.isEmpty, "metrics.path", "expected a file path, got an empty string")
        }

        if let directory = config.archive.directory {
            check(!directory.isEmpty, "archive.directory", "expected a folder path, got an empty string")
        }
        check(config.archive.maxFileBytes >= 1 << 16, "archive.maxFileBytes", "expected at least 65536 bytes, got \(config.archive.maxFileBytes)")
        check(!config.sources.isEmpty || !config.sourceFiles.isEmpty, "sources", "expected at least one source")
        for (index, file) in config.sourceFiles.enumerated() {
            check(!file.isEmpty, "sourceFiles[\(index)]", "expected a file path, got an empty string")
        }
        errors += validate(sources: config.sources, path: "sources")
        return errors
    }

    /// Each source's own fields and the uniqueness of names, labelled `path[index].key`.
    static func validate(sources: [SourceConfig], path: String) -> [ConfigError] {
        var errors: [ConfigError] = []
        func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String) {
            if !condition { errors.append(ConfigError(path: path, message: message())) }
        }
        var names: [String: Int] = [:]
        for (index, source) in sources.enumerated() {
            let at = "\(path)[\(index)]"
            let name = source.name.trimmingCharacters(in: .whitespaces)
            check(!name.isEmpty, "\(at).name", "expected a non-empty name")
            check(SourceNames.isValid(name) || name.isEmpty,
                  "\(at).name", "expected letters, digits, '.', '_' or '-', got \"\(source.name)\"")
            if let first = names[source.name] {
                errors.append(ConfigError(path: "\(at).name", message: "\"\(source.name)\" is already used by \(path)[\(first)]"))
            } else {
                names[source.name] = index
            }
            check(isHTTPURL(source.url), "\(at).url", "expected an http(s) URL, got \"\(source.url)\"")
            if let pattern = source.articlePattern {
                check(source.type == .page, "\(at).articlePattern", "only applies to sources of type \"page\"")
                do {
                    _ = try NSRegularExpression(pattern: pattern)
                } catch {
                    errors.append(ConfigError(path: "\(at).articlePattern", message: "expected a regular expression, got \"\(pattern)\""))
                }
            }
            if let language = source.language {
                check(language.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil,
                      "\(at).language", "expected a language tag such as \"en\" or \"pt-BR\", got \"\(language)\"")
            }
        }
        return errors
    }

    static func isHTTPURL(_ string: String) -> Bool {
        guard let components = URLComponents(string: string),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    static func isProxyURL(_ string: String) -> Bool {
        guard let components = URLComponents(string: string),
              let scheme = components.scheme?.lowercased(),
              ["http", "https", "socks5", "socks5h", "socks4"].contains(scheme),
              components.host?.isEmpty == false
        else { return false }
        return true
    }
}
