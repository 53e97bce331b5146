//! The roster check does no IO and reads no clock (bytes in, a report out), so the same code
//! runs natively and in a browser worker.

#[test]
fn roster_code_has_no_io_and_no_clock() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for banned in [
            "std::fs",
            "std::net",
            "std::time",
            "SystemTime",
            "Instant::",
            "std::env",
            "println!",
            "eprintln!",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
        n += 1;
    }
    assert!(n >= 5, "read the sources ({n})");
}
