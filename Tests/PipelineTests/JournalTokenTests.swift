import Foundation
import Testing

@testable import Pipeline

@Suite struct JournalTokenTests {
    @Test func tokensAreVersion4UUIDsAndDistinct() {
        let tokens = (0..<2_000).map { _ in JournalToken.make() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens.prefix(50) {
            let uuid = UUID(uuidString: token)
            #expect(uuid != nil)
            let bytes = uuid.map { withUnsafeBytes(of: $0.uuid) { Array($0) } } ?? []
            #expect(bytes.count == 16 && bytes[6] >> 4 == 4 && bytes[8] >> 6 == 0b10)
        }
    }
}
