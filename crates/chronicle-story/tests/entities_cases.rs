//! Alias resolution and typing on small invented batches, one fixture file
//! per behaviour under tests/fixtures/entities/.

use chronicle_model::story::Entity;
use chronicle_model::{Document, Sentence};
use chronicle_story::{entity_by_name, find_entities};
use serde_json::Value;
use std::path::Path;

/// Sentences split after . ! ? before a capital or a quote, and at blank lines.
fn split_sentences(body: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(n + 1).map(|x| x.1);
        let after = chars.get(n + 2).map(|x| x.1);
        let end_mark = matches!(c, '.' | '!' | '?')
            && next == Some(' ')
            && after.is_some_and(|a| a.is_uppercase() || a == '"');
        let paragraph = c == '\n' && next == Some('\n');
        if end_mark || paragraph || n + 1 == chars.len() {
            let end = if paragraph { i } else { i + c.len_utf8() };
            let text = &body[start..end];
            let trimmed = text.trim_start();
            let s = start + (text.len() - trimmed.len());
            if !trimmed.trim().is_empty() {
                out.push(Sentence {
                    text: body[s..end].to_string(),
                    start: s,
                    end,
                });
            }
            start = end;
        }
    }
    out
}

fn lookup<'a>(entities: &'a [Entity], name: &str, file: &str) -> &'a Entity {
    entity_by_name(entities, name).unwrap_or_else(|| {
        let all: Vec<String> = entities
            .iter()
            .map(|e| format!("{} {:?}", e.name, e.aliases))
            .collect();
        panic!("{file}: no entity for {name:?}; found:\n{}", all.join("\n"))
    })
}

fn check(file: &Path) {
    let name = file.display().to_string();
    let case: Value =
        serde_json::from_str(&std::fs::read_to_string(file).expect("fixture")).expect("JSON");
    let mut docs: Vec<Document> = case["docs"]
        .as_array()
        .expect("docs")
        .iter()
        .map(|d| {
            let body = d["body"].as_str().expect("body").to_string();
            Document {
                id: d["id"].as_str().expect("id").to_string(),
                sentences: split_sentences(&body),
                body,
                ..Document::default()
            }
        })
        .collect();
    let entities = find_entities(&mut docs);
    let again = find_entities(&mut docs.clone());
    assert_eq!(entities, again, "{name}: not deterministic");
    for group in case["same"].as_array().into_iter().flatten() {
        let names: Vec<&str> = group
            .as_array()
            .expect("group")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let first = lookup(&entities, names[0], &name);
        for n in &names[1..] {
            assert_eq!(
                lookup(&entities, n, &name).id,
                first.id,
                "{name}: {n:?} should be {:?}",
                first.name
            );
        }
    }
    for pair in case["different"].as_array().into_iter().flatten() {
        let a = lookup(&entities, pair[0].as_str().expect("name"), &name);
        let b = lookup(&entities, pair[1].as_str().expect("name"), &name);
        assert_ne!(a.id, b.id, "{name}: {:?} and {:?} merged", a.name, b.name);
    }
    for (n, kind) in case["types"].as_object().into_iter().flatten() {
        let e = lookup(&entities, n, &name);
        assert_eq!(
            format!("{:?}", e.kind),
            kind.as_str().unwrap_or(""),
            "{name}: type of {n:?}"
        );
    }
    for n in case["absent"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        assert!(
            entity_by_name(&entities, n).is_none(),
            "{name}: {n:?} is not a name"
        );
    }
    // Every mention points at an entity that lists its document and spelling.
    for d in &docs {
        for m in &d.mentions {
            let e = entities
                .iter()
                .find(|e| e.id == m.entity)
                .expect("entity of mention");
            assert_eq!(&d.body[m.start..m.end], m.text);
            assert!(
                e.docs.contains(&d.id) && e.aliases.iter().any(|a| a.text == m.text),
                "{name}: {m:?}"
            );
            assert_eq!(m.kind, e.kind);
        }
    }
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/entities");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 4);
    for f in &files {
        check(f);
    }
}
