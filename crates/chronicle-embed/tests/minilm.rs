//! The encoder against an independent numpy forward pass of the same
//! weights (bench/embeddings/reference.py, via make_fixtures.py).
#![cfg(feature = "minilm")]

mod common;

use chronicle_embed::MiniLm;

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    a.iter()
        .zip(b)
        .map(|(x, y)| f64::from(*x) * f64::from(*y))
        .sum()
}

/// The fixture's texts and vectors, read without a JSON crate: the file is
/// a list of {"text": …, "vector": […]} written by make_fixtures.py.
fn expected() -> Vec<(String, Vec<f32>)> {
    let text = common::fixture("minilm_expected.json");
    text.split("{\"text\": ")
        .skip(1)
        .map(|item| {
            let (quoted, rest) = item.split_once(", \"vector\": [").expect("vector");
            let numbers = rest.split(']').next().expect("closing bracket");
            let vector = numbers
                .split(',')
                .map(|n| n.trim().parse::<f32>().expect("number"))
                .collect();
            let inner = quoted.trim_matches('"').to_string();
            (inner, vector)
        })
        .collect()
}

#[test]
fn vectors_match_the_numpy_reference() {
    let Some(dir) = common::model_dir() else {
        return;
    };
    let model = MiniLm::load(&dir).expect("model loads");
    let cases = expected();
    assert_eq!(cases.len(), 8);
    let texts: Vec<&str> = cases.iter().map(|(t, _)| t.as_str()).collect();
    let got = model.embed(&texts).expect("embeds");
    let mut worst = 0.0f64;
    for ((text, want), have) in cases.iter().zip(&got) {
        assert_eq!(have.len(), 384, "{text:?}");
        for (a, b) in have.iter().zip(want) {
            worst = worst.max(f64::from((a - b).abs()));
        }
        assert!(cosine(have, want) > 0.9999, "{text:?}");
    }
    eprintln!("largest difference from the numpy reference: {worst:.1e}");
    assert!(worst < 1e-4, "largest difference {worst}");
    // Batching and padding do not change a vector.
    for (text, want) in cases.iter().zip(&got).map(|((t, _), v)| (t, v)) {
        let alone = model.embed(&[text.as_str()]).expect("embeds");
        assert!(cosine(&alone[0], want) > 0.99999, "{text:?}");
    }
}

#[test]
fn a_paraphrase_is_closer_than_another_story() {
    let Some(dir) = common::model_dir() else {
        return;
    };
    let model = MiniLm::load(&dir).expect("model loads");
    let v = model
        .embed(&[
            "The Tolvash Dam opened its spillway on Tuesday.",
            "Officials opened the dam's spillway on Tuesday.",
            "A bakery in the old town sold out of bread.",
        ])
        .expect("embeds");
    assert!(cosine(&v[0], &v[1]) > cosine(&v[0], &v[2]) + 0.2);
}

#[test]
fn a_missing_model_is_named() {
    let err = match MiniLm::load(std::path::Path::new("/nonexistent/minilm")) {
        Ok(_) => panic!("loaded a model from nowhere"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("/nonexistent/minilm/model.safetensors") && err.contains("setup-minilm.sh"),
        "{err}"
    );
}
