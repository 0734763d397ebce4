/// A value behind a lock, as a class so that closures and several owners can share it: the
/// same type as ``Locked`` (it used to wrap a `Mutex` of its own).
typealias Shared<Value> = Locked<Value>
