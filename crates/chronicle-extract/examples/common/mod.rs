//! What the debugging examples share.

use std::path::Path;

/// The text of a page file, gunzipped when its name ends in `.gz`; empty
/// when it cannot be read.
pub fn read_page(path: &Path) -> String {
    if path.extension().is_some_and(|x| x == "gz") {
        chronicle_eval::extraction::read_gz_text(path).unwrap_or_default()
    } else {
        std::fs::read_to_string(path).unwrap_or_default()
    }
}
