import Testing

extension Tag {
    /// A test that takes many seconds or whole processes: crashes, several
    /// processes at once, hostile input in bulk, sweeps of every command or
    /// every bad value, files of many megabytes.
    /// `scripts/test.sh --fast` leaves these out; `scripts/test.sh` runs them.
    /// Tag a suite (`@Suite(.tags(.slow))`) or one test (`@Test(.tags(.slow))`).
    @Tag public static var slow: Self
}
