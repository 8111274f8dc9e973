//! Where the model is: `$CHRONICLE_MINILM`, else `models/all-MiniLM-L6-v2`
//! at the repository root (`scripts/setup-minilm.sh` writes it there).

use std::path::PathBuf;

pub fn model_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CHRONICLE_MINILM")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/all-MiniLM-L6-v2")
        });
    if dir.join("vocab.txt").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: no MiniLM model at {} (run scripts/setup-minilm.sh)",
            dir.display()
        );
        None
    }
}

pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
