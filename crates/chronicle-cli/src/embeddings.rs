//! The optional MiniLM sentence encoder behind `--embeddings DIR`
//! (compiled in with the `embeddings` feature; see `chronicle-embed`).

use anyhow::Result;
use chronicle_tls::SentenceEncoder;
use std::path::Path;

/// The encoder in `dir` (model.safetensors and vocab.txt, as
/// `scripts/setup-minilm.sh` writes them).
#[cfg(feature = "embeddings")]
pub fn load(dir: &Path) -> Result<Box<dyn SentenceEncoder>> {
    use anyhow::Context;
    let model = chronicle_embed::MiniLm::load(dir)
        .with_context(|| format!("could not load the sentence encoder from {}", dir.display()))?;
    Ok(Box::new(cached::CachedEncoder::new(model)))
}

#[cfg(not(feature = "embeddings"))]
pub fn load(dir: &Path) -> Result<Box<dyn SentenceEncoder>> {
    anyhow::bail!(
        "--embeddings {}: this chronicle was built without sentence embeddings; rebuild it with \
         `cargo build --release -p chronicle-cli --features embeddings` (and fetch the model \
         with scripts/setup-minilm.sh)",
        dir.display()
    )
}

#[cfg(feature = "embeddings")]
mod cached {
    use chronicle_embed::MiniLm;
    use chronicle_tls::SentenceEncoder;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    /// Encodes each distinct text once: the same sentence is a candidate
    /// for several dates and several timelines of one collection.
    pub struct CachedEncoder {
        model: MiniLm,
        cache: RefCell<HashMap<String, Vec<f32>>>,
        warned: Cell<bool>,
    }

    impl CachedEncoder {
        pub fn new(model: MiniLm) -> Self {
            CachedEncoder {
                model,
                cache: RefCell::new(HashMap::new()),
                warned: Cell::new(false),
            }
        }
    }

    impl SentenceEncoder for CachedEncoder {
        fn encode(&self, texts: &[&str]) -> Option<Vec<Vec<f32>>> {
            let missing: Vec<&str> = {
                let cache = self.cache.borrow();
                let mut seen = std::collections::HashSet::new();
                texts
                    .iter()
                    .copied()
                    .filter(|t| !cache.contains_key(*t) && seen.insert(*t))
                    .collect()
            };
            if !missing.is_empty() {
                match self.model.embed(&missing) {
                    Ok(vectors) => {
                        let mut cache = self.cache.borrow_mut();
                        for (text, v) in missing.iter().zip(vectors) {
                            cache.insert((*text).to_string(), v);
                        }
                    }
                    Err(e) => {
                        if !self.warned.replace(true) {
                            eprintln!(
                                "warning: the sentence encoder failed ({e}); the summaries \
                                 concerned use tf-idf alone"
                            );
                        }
                        return None;
                    }
                }
            }
            let cache = self.cache.borrow();
            texts.iter().map(|t| cache.get(*t).cloned()).collect()
        }
    }
}
