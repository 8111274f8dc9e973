//! What the two learned models (the date ranker and the sentence scorer)
//! share: a JSON file of named feature weights, checked against the
//! features the code computes, and a dot product.

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

/// Refuses a model whose features are not, in order, the ones computed here.
pub(crate) fn check_features(
    model: &'static str,
    found: Vec<String>,
    weights: usize,
    names: &[&str],
) -> Result<Vec<String>, ModelError> {
    let expected = feature_names(names);
    if found != expected || weights != expected.len() {
        return Err(ModelError::Features {
            model,
            found,
            expected,
        });
    }
    Ok(found)
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
