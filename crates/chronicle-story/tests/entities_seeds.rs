//! The seed pages (real news about US troops in Iraq, in ../shared) must
//! resolve the aliases the product promises.

mod entities_support;

use chronicle_model::story::Entity;
use chronicle_story::{entity_by_name, find_entities};
use entities_support::{describe, manifest_path, read_corpus};

/// Every name in `names` finds the same entity, of type `kind`.
fn check_same(entities: &[Entity], names: &[&str], kind: &str) {
    let found: Vec<Option<&Entity>> = names.iter().map(|n| entity_by_name(entities, n)).collect();
    for (name, e) in names.iter().zip(&found) {
        let e = e.unwrap_or_else(|| panic!("no entity for {name:?}\n{}", describe(entities)));
        assert_eq!(format!("{:?}", e.kind), kind, "type of {name:?}: {e:?}");
        assert_eq!(
            e.id,
            found[0].map(|f| f.id.clone()).unwrap_or_default(),
            "{name:?} is not the same entity as {:?}\n{}",
            names[0],
            describe(entities)
        );
    }
}

#[test]
fn seeds_merge_the_known_aliases() {
    let dir = manifest_path("../../../shared/corpora/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let mut docs = read_corpus(&dir);
    assert_eq!(docs.len(), 5);
    let entities = find_entities(&mut docs);
    println!("{}", describe(&entities));
    check_same(
        &entities,
        &[
            "Nouri al-Maliki",
            "Mr Maliki",
            "al-Maliki",
            "Al-Maliki",
            "Mr. Maliki",
            "Prime Minister Nouri al-Maliki",
        ],
        "PER",
    );
    check_same(
        &entities,
        &[
            "Mustafa al-Kadhimi",
            "Kadhimi",
            "Mustafa Kadhemi",
            "Kachin",
            "Mustafa Al-Kadhimi",
        ],
        "PER",
    );
    check_same(
        &entities,
        &[
            "Islamic State of Iraq and Syria",
            "ISIS",
            "Isis",
            "Islamic State",
        ],
        "ORG",
    );
    check_same(
        &entities,
        &["Barack Obama", "Mr Obama", "President Obama"],
        "PER",
    );
    // Two men named al-Bayati in one article stay apart.
    let thaer = entity_by_name(&entities, "Thaer al-Bayati").map(|e| e.id.clone());
    let sarmad = entity_by_name(&entities, "Sarmad al-Bayati").map(|e| e.id.clone());
    assert!(thaer.is_some() && sarmad.is_some() && thaer != sarmad);
    // Each entity's mentions point at it, and ids are e1, e2… in order.
    for (i, e) in entities.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
    }
    let mention_count: usize = docs.iter().map(|d| d.mentions.len()).sum();
    let alias_count: usize = entities
        .iter()
        .flat_map(|e| &e.aliases)
        .map(|a| a.count)
        .sum();
    assert_eq!(mention_count, alias_count);
}
