#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Pipeline

@Suite("Extract workers' priority")
struct WorkerPriorityTests {
    /// In a process of its own: the first thread lowered fixes the workers' priority, and this
    /// test's process may have lowered its pool threads already.
    @Test func aWorkerThreadRunsBelowTheProcessAndIsLoweredOnce() async {
        await #expect(processExitsWith: .success) {
            let before = WorkerPriority.currentNice()
            WorkerPriority.lowerCurrentThread()
            let lowered = WorkerPriority.currentNice()
            WorkerPriority.lowerCurrentThread()
            let again = WorkerPriority.currentNice()
            guard lowered == min(19, before + WorkerPriority.increment), again == lowered else {
                print("nice before \(before), after \(lowered), after a second call \(again)")
                exit(1)
            }
        }
    }
}
