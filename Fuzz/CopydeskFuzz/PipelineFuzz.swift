import Foundation
@testable import Pipeline

/// `ConfigLoader.decode`: the JSON configuration with its typed errors.
enum ConfigFuzz {
    static func run(_ data: Data) {
        consume(try? ConfigLoader.decode(data, file: "fuzz.json"))
    }
}
