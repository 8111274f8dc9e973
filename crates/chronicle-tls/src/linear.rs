//! What the two learned models (the date ranker and the sentence scorer)
//! share: a JSON file of named feature weights, checked against the
//! features the code computes, and a dot product.

use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{model}: {source}")]
    Json {
        model: &'static str,
        source: serde_json::Error,
    },
    #[error("{model}: features {found:?} do not match {expected:?}")]
    Features {
        model: &'static str,
        found: Vec<String>,
        expected: Vec<String>,
    },
}

/// The feature names as a model file stores them.
pub(crate) fn feature_names(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Reads a model file, refusing one whose features are not, in order, the
/// ones computed here (`names`); `shape` gives a model's feature names and
/// its number of weights.
pub(crate) fn from_json<M: DeserializeOwned>(
    model: &'static str,
    text: &str,
    names: &[&str],
    shape: impl Fn(&M) -> (&[String], usize),
) -> Result<M, ModelError> {
    let parsed: M =
        serde_json::from_str(text).map_err(|source| ModelError::Json { model, source })?;
    let (found, weights) = shape(&parsed);
    if found.iter().map(String::as_str).ne(names.iter().copied()) || weights != names.len() {
        return Err(ModelError::Features {
            model,
            found: found.to_vec(),
            expected: feature_names(names),
        });
    }
    Ok(parsed)
}

/// A model file: pretty JSON with a final newline.
pub(crate) fn to_json<T: Serialize>(model: &T) -> String {
    let mut text = serde_json::to_string_pretty(model).unwrap_or_default();
    text.push('\n');
    text
}

pub(crate) fn dot(weights: &[f64], x: &[f64]) -> f64 {
    weights.iter().zip(x).map(|(w, v)| w * v).sum()
}
