//! Alias resolution: the names of a batch grouped into one entity per
//! referent.
//!
//! First within each document (a surname alone goes to the nearest full name
//! with that surname; an acronym to the name it was defined after), then
//! across documents: equal names, transliteration variants of a full name,
//! surnames and acronyms that fit exactly one entity of the batch, shortened
//! organisation names, a place word alone ("Amarel") and its full form
//! ("Amarel River"), and last a one-off name in a speaker's position that is
//! most likely a typo of a person the same article names. Every rule that
//! could join two referents asks for a unique match and gives up otherwise.

use crate::entities::{type_index, Candidate, Lexicon, Votes, TYPES};
use chronicle_model::story::{Alias, Entity, EntityType, Mention};
use chronicle_model::Document;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Names of one document that refer to the same thing.
struct Local {
    doc: usize,
    /// Indexes into the flat candidate list.
    members: Vec<usize>,
    /// The longest key among the members.
    key: Vec<String>,
    votes: Votes,
    defines: Vec<String>,
}

impl Local {
    fn single(&self) -> bool {
        self.key.len() == 1
    }
}

struct Flat {
    doc: usize,
    cand: Candidate,
}

/// Groups the candidates of every document into entities, writes the
/// mentions into the documents and returns the entities.
pub(crate) fn resolve(
    docs: &mut [Document],
    candidates: Vec<Vec<Candidate>>,
    lex: &Lexicon,
) -> Vec<Entity> {
    let flat: Vec<Flat> = candidates
        .into_iter()
        .enumerate()
        .flat_map(|(doc, cands)| cands.into_iter().map(move |cand| Flat { doc, cand }))
        .collect();
    let locals = local_groups(&flat, docs.len());
    let mut sets = UnionFind::new(locals.len());
    merge_across_documents(&flat, &locals, &mut sets, lex);
    build_entities(docs, &flat, &locals, &mut sets)
}

fn add_votes(a: &mut Votes, b: &Votes) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// The type with the most votes; MISC when nothing voted.
fn best_type(votes: &Votes) -> EntityType {
    if votes.iter().all(|v| *v <= 0) {
        return EntityType::MISC;
    }
    let mut best = TYPES[0];
    for t in TYPES {
        if votes[type_index(t)] > votes[type_index(best)] {
            best = t;
        }
    }
    best
}

/// Something marked the name as a person, and nothing marked it more
/// strongly as anything else.
fn person_like(votes: &Votes) -> bool {
    votes[type_index(EntityType::PER)] > 0 && best_type(votes) == EntityType::PER
}

fn local_groups(flat: &[Flat], doc_count: usize) -> Vec<Local> {
    let mut by_doc: Vec<Vec<usize>> = vec![Vec::new(); doc_count];
    for (i, f) in flat.iter().enumerate() {
        if let Some(list) = by_doc.get_mut(f.doc) {
            list.push(i);
        }
    }
    let mut locals = Vec::new();
    for (doc, members) in by_doc.iter().enumerate() {
        let first_local = locals.len();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let join = |locals: &mut Vec<Local>, l: usize, i: usize| {
            let c = &flat[i].cand;
            let local: &mut Local = &mut locals[l];
            local.members.push(i);
            add_votes(&mut local.votes, &c.votes);
            if c.key.len() > local.key.len() {
                local.key = c.key.clone();
            }
            if let Some(d) = &c.defines {
                local.defines.push(d.clone());
            }
        };
        let new_local = |locals: &mut Vec<Local>, i: usize| {
            let c = &flat[i].cand;
            locals.push(Local {
                doc,
                members: vec![i],
                key: c.key.clone(),
                votes: c.votes,
                defines: c.defines.iter().cloned().collect(),
            });
            locals.len() - 1
        };
        // Full names first, so a surname can find one written after it.
        for &i in members.iter().filter(|&&i| flat[i].cand.key.len() > 1) {
            let k = flat[i].cand.key_string();
            match by_key.get(&k) {
                Some(&l) => join(&mut locals, l, i),
                None => {
                    let l = new_local(&mut locals, i);
                    by_key.insert(k, l);
                }
            }
        }
        for &i in members.iter().filter(|&&i| flat[i].cand.key.len() == 1) {
            let c = &flat[i].cand;
            let k = c.key_string();
            let target = if c.acronym {
                (first_local..locals.len())
                    .find(|&l| locals[l].defines.contains(&k))
                    .or_else(|| by_key.get(&k).copied())
            } else {
                nearest_full_name(flat, &locals[first_local..], c)
                    .map(|l| l + first_local)
                    .or_else(|| by_key.get(&k).copied())
            };
            match target {
                Some(l) => join(&mut locals, l, i),
                None => {
                    let l = new_local(&mut locals, i);
                    by_key.insert(k, l);
                }
            }
        }
    }
    locals
}

/// The person named in full whose surname is this one-word name: the nearest
/// before it, else the nearest after it.
fn nearest_full_name(flat: &[Flat], locals: &[Local], c: &Candidate) -> Option<usize> {
    let word = c.key.first()?;
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for (l, local) in locals.iter().enumerate() {
        if local.single() || local.key.last() != Some(word) || !person_like(&local.votes) {
            continue;
        }
        for &m in &local.members {
            let s = flat[m].cand.start;
            if s < c.start && before.is_none_or(|(b, _)| s > b) {
                before = Some((s, l));
            }
            if s > c.start && after.is_none_or(|(a, _)| s < a) {
                after = Some((s, l));
            }
        }
    }
    before.or(after).map(|(_, l)| l)
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins two sets; the smaller index stays the root, so results do not
    /// depend on the order of calls.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Per set of locals: summed votes, mention count, whether any member is a
/// full (multi-word) name.
struct SetInfo {
    votes: Votes,
    mentions: usize,
    full: bool,
    docs: BTreeSet<usize>,
    titled_or_speaker: bool,
}

fn set_infos(flat: &[Flat], locals: &[Local], sets: &mut UnionFind) -> BTreeMap<usize, SetInfo> {
    let mut infos: BTreeMap<usize, SetInfo> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        let info = infos.entry(root).or_insert(SetInfo {
            votes: [0; 5],
            mentions: 0,
            full: false,
            docs: BTreeSet::new(),
            titled_or_speaker: false,
        });
        add_votes(&mut info.votes, &local.votes);
        info.mentions += local.members.len();
        info.full |= !local.single();
        info.docs.insert(local.doc);
        info.titled_or_speaker |= local
            .members
            .iter()
            .any(|&m| flat[m].cand.has_title || flat[m].cand.speaker);
    }
    infos
}

fn merge_across_documents(flat: &[Flat], locals: &[Local], sets: &mut UnionFind, lex: &Lexicon) {
    // Equal names.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (l, local) in locals.iter().enumerate() {
        match by_key.get(&local.key.join(" ")) {
            Some(&other) => sets.union(other, l),
            None => {
                by_key.insert(local.key.join(" "), l);
            }
        }
    }
    // Full names with the same first name and a variant surname.
    let mut by_first: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        if local.key.len() > 1 && person_like(&local.votes) {
            by_first.entry(local.key[0].as_str()).or_default().push(l);
        }
    }
    for group in by_first.values() {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                let (ka, kb) = (&locals[a].key, &locals[b].key);
                if ka
                    .last()
                    .zip(kb.last())
                    .is_some_and(|(x, y)| similar_names(x, y))
                {
                    sets.union(a, b);
                }
            }
        }
    }
    surnames_alone(flat, locals, sets);
    shortened_organisations(locals, sets);
    acronyms(locals, sets);
    place_words_alone(flat, locals, sets, lex);
    typos_in_context(flat, locals, sets);
}

/// "Mr Maliki" in a document that never gives the full name: the one person
/// of the batch with that surname (or a spelling variant of it).
fn surnames_alone(flat: &[Flat], locals: &[Local], sets: &mut UnionFind) {
    let infos = set_infos(flat, locals, sets);
    let mut persons_by_surname: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        if !local.single() && infos.get(&root).is_some_and(|i| person_like(&i.votes)) {
            if let Some(last) = local.key.last() {
                persons_by_surname
                    .entry(last.clone())
                    .or_default()
                    .insert(root);
            }
        }
    }
    let lonely: Vec<usize> = locals
        .iter()
        .enumerate()
        .filter(|(l, local)| {
            local.single()
                && !local.members.iter().any(|&m| flat[m].cand.acronym)
                && infos
                    .get(&sets.find(*l))
                    .is_some_and(|i| !i.full && (person_like(&i.votes) || i.titled_or_speaker))
        })
        .map(|(l, _)| l)
        .collect();
    for l in lonely {
        let word = &locals[l].key[0];
        let target = match persons_by_surname.get(word) {
            Some(roots) if roots.len() == 1 => roots.first().copied(),
            Some(_) => None,
            None => {
                // Variants share the first letter: look only at those.
                let Some(initial) = word.chars().next() else {
                    continue;
                };
                let close: BTreeSet<usize> = persons_by_surname
                    .range(initial.to_string()..)
                    .take_while(|(s, _)| s.starts_with(initial))
                    .filter(|(s, _)| similar_names(s, word))
                    .flat_map(|(_, r)| r.iter().copied())
                    .collect();
                (close.len() == 1).then(|| close.first().copied()).flatten()
            }
        };
        if let Some(t) = target {
            sets.union(l, t);
        }
    }
}

/// "RBA" / "ISIS": the name it was defined after, else the one name of the
/// batch with those initials.
fn acronyms(locals: &[Local], sets: &mut UnionFind) {
    let mut defined: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    // Initials without a definition: the set and the documents it appears in.
    let mut by_initials: BTreeMap<String, BTreeMap<usize, BTreeSet<usize>>> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        for d in &local.defines {
            defined.entry(d.as_str()).or_default().insert(root);
        }
    }
    for (l, local) in locals.iter().enumerate() {
        if local.key.len() > 1 {
            let initials: String = local
                .key
                .iter()
                .filter(|w| !matches!(w.as_str(), "of" | "and" | "for" | "the" | "&"))
                .filter_map(|w| w.chars().next())
                .collect();
            let root = sets.find(l);
            by_initials
                .entry(initials)
                .or_default()
                .entry(root)
                .or_default()
                .insert(local.doc);
        }
    }
    for (l, local) in locals.iter().enumerate() {
        if !local.single() {
            continue;
        }
        let k = local.key[0].as_str();
        let target = match defined.get(k) {
            Some(roots) if roots.len() == 1 => roots.first().copied(),
            Some(_) => None,
            // Two letters fit too many names ("MP"): only with the long
            // form in the same document.
            None => by_initials
                .get(k)
                .filter(|r| r.len() == 1)
                .and_then(|r| r.iter().next())
                .filter(|(_, docs)| k.chars().count() >= 3 || docs.contains(&local.doc))
                .map(|(root, _)| *root),
        };
        if let Some(t) = target {
            sets.union(l, t);
        }
    }
}

/// "River Basin Authority" ⊂ "Amarel River Basin Authority";
/// "Islamic State" before "of Iraq and Syria".
fn shortened_organisations(locals: &[Local], sets: &mut UnionFind) {
    let org = type_index(EntityType::ORG);
    let organisation =
        |local: &Local| best_type(&local.votes) == EntityType::ORG || local.votes[org] >= 3;
    let mut shorter: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        if local.key.len() < 3 || !organisation(local) {
            continue;
        }
        let root = sets.find(l);
        for i in 1..local.key.len() - 1 {
            shorter
                .entry(local.key[i..].join(" "))
                .or_default()
                .insert(root);
        }
        if let Some(of) = local.key.iter().position(|w| w == "of") {
            if of >= 2 {
                shorter
                    .entry(local.key[..of].join(" "))
                    .or_default()
                    .insert(root);
            }
        }
    }
    for (l, local) in locals.iter().enumerate() {
        if local.key.len() < 2 || !organisation(local) {
            continue;
        }
        if let Some(roots) = shorter.get(&local.key.join(" ")) {
            let root = sets.find(l);
            let others: Vec<usize> = roots.iter().copied().filter(|r| *r != root).collect();
            if others.len() == 1 && roots.len() <= 2 {
                sets.union(l, others[0]);
            }
        }
    }
}

/// "the Amarel" → "Amarel River", "Haskel" → "Haskel valley": a one-word
/// name and the most mentioned place written as that word plus a place head.
fn place_words_alone(flat: &[Flat], locals: &[Local], sets: &mut UnionFind, lex: &Lexicon) {
    let heads: BTreeSet<String> = lex
        .loc_heads
        .iter()
        .chain(lex.loc_lowercase_heads.iter())
        .map(|h| h.to_lowercase())
        .collect();
    let infos = set_infos(flat, locals, sets);
    let mut places: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
    for (l, local) in locals.iter().enumerate() {
        if local.key.len() == 2 && heads.contains(&local.key[1]) {
            let root = sets.find(l);
            let mentions = infos.get(&root).map_or(0, |i| i.mentions);
            places
                .entry(local.key[0].as_str())
                .or_default()
                .insert(root, mentions);
        }
    }
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        let Some(info) = infos.get(&root) else {
            continue;
        };
        if !local.single() || info.full || person_like(&info.votes) && info.titled_or_speaker {
            continue;
        }
        if let Some(candidates) = places.get(local.key[0].as_str()) {
            // Most mentioned; ties go to the earlier set.
            let best = candidates
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(r, _)| *r);
            if let Some(t) = best {
                sets.union(l, t);
            }
        }
    }
}

/// "Kachin responded" in an article about Kadhimi: a name seen once in the
/// whole batch, in a speaker's or titled position, close in spelling to a
/// person the same document names, and to no other.
fn typos_in_context(flat: &[Flat], locals: &[Local], sets: &mut UnionFind) {
    let infos = set_infos(flat, locals, sets);
    let mut persons_of_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (o, other) in locals.iter().enumerate() {
        if !other.single() && person_like(&other.votes) {
            persons_of_doc.entry(other.doc).or_default().push(o);
        }
    }
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        let Some(info) = infos.get(&root) else {
            continue;
        };
        if !local.single() || info.mentions != 1 || !info.titled_or_speaker {
            continue;
        }
        let word = &local.key[0];
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for &o in persons_of_doc.get(&local.doc).into_iter().flatten() {
            let other = &locals[o];
            let Some(surname) = other.key.last() else {
                continue;
            };
            if surname.chars().next() != word.chars().next() {
                continue;
            }
            let d = edit_distance(surname, word);
            let longest = surname.chars().count().max(word.chars().count());
            if d > (longest / 2).max(1) {
                continue;
            }
            let other_root = sets.find(o);
            match best {
                Some((bd, br)) if d == bd && br != other_root => tie = true,
                Some((bd, _)) if d >= bd => {}
                _ => {
                    best = Some((d, other_root));
                    tie = false;
                }
            }
        }
        if let (Some((_, target)), false) = (best, tie) {
            sets.union(l, target);
        }
    }
}

/// Spelling variants of one name: equal, one edit apart in a long name, or
/// the same consonant skeleton ("Kadeem" / "Kadim"). Short names one edit
/// apart are often different people ("Obama" / "Osama").
pub(crate) fn similar_names(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shortest = a.chars().count().min(b.chars().count());
    if shortest < 4 || a.chars().next() != b.chars().next() {
        return false;
    }
    let d = edit_distance(a, b);
    let key = consonant_key(a);
    (d <= 1 && shortest >= 6)
        || (shortest >= 5 && key.chars().count() >= 3 && key == consonant_key(b))
}

/// First letter, then the consonants with h/w/y dropped, k-sounds merged
/// and repeats collapsed.
pub(crate) fn consonant_key(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for (i, c) in word.chars().flat_map(char::to_lowercase).enumerate() {
        let c = match c {
            'c' | 'q' => 'k',
            'z' => 's',
            other => other,
        };
        let keep = i == 0 || (c.is_alphabetic() && !"aeiouhwy".contains(c));
        if keep && last != Some(c) {
            out.push(c);
        }
        if keep {
            last = Some(c);
        }
    }
    out
}

pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn build_entities(
    docs: &mut [Document],
    flat: &[Flat],
    locals: &[Local],
    sets: &mut UnionFind,
) -> Vec<Entity> {
    let mut set_of_candidate = vec![0; flat.len()];
    for (l, local) in locals.iter().enumerate() {
        let root = sets.find(l);
        for &m in &local.members {
            set_of_candidate[m] = root;
        }
    }
    // Sets in order of first appearance: the flat list is in document order.
    let mut order: Vec<usize> = Vec::new();
    let mut id_of: HashMap<usize, usize> = HashMap::new();
    for &root in &set_of_candidate {
        if let std::collections::hash_map::Entry::Vacant(e) = id_of.entry(root) {
            e.insert(order.len());
            order.push(root);
        }
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(order.len());
    let mut votes: Vec<Votes> = vec![[0; 5]; order.len()];
    let mut aliases: Vec<Vec<(String, usize, usize)>> = vec![Vec::new(); order.len()];
    let mut names: Vec<Vec<(String, usize, usize, bool)>> = vec![Vec::new(); order.len()];
    let mut doc_lists: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (i, f) in flat.iter().enumerate() {
        let e = id_of[&set_of_candidate[i]];
        add_votes(&mut votes[e], &f.cand.votes);
        let text = docs
            .get(f.doc)
            .and_then(|d| d.body.get(f.cand.start..f.cand.end))
            .map(collapse)
            .unwrap_or_default();
        count_in(&mut aliases[e], text, i);
        // Spellings that differ only in case count together ("al-Kadhimi",
        // "Al-Kadhimi"); the first one written names them.
        let core = collapse(&f.cand.core).replace('’', "'");
        match names[e]
            .iter_mut()
            .find(|n| n.0.to_lowercase() == core.to_lowercase())
        {
            Some(n) => n.1 += 1,
            None => names[e].push((core, 1, i, f.cand.acronym)),
        }
        if doc_lists[e].last() != Some(&f.doc) && !doc_lists[e].contains(&f.doc) {
            doc_lists[e].push(f.doc);
        }
    }
    for (e, _) in order.iter().enumerate() {
        let kind = best_type(&votes[e]);
        let all_acronyms = names[e].iter().all(|n| n.3);
        let name = names[e]
            .iter()
            .filter(|n| all_acronyms || !n.3)
            .max_by(|a, b| {
                let words = |s: &str| s.split_whitespace().count();
                words(&a.0)
                    .cmp(&words(&b.0))
                    .then(a.1.cmp(&b.1))
                    .then(b.2.cmp(&a.2))
            })
            .map(|n| n.0.clone())
            .unwrap_or_default();
        let mut alias_list = std::mem::take(&mut aliases[e]);
        alias_list.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mut doc_ids: Vec<usize> = doc_lists[e].clone();
        doc_ids.sort_unstable();
        entities.push(Entity {
            id: format!("e{}", e + 1),
            name,
            kind,
            aliases: alias_list
                .into_iter()
                .map(|(text, count, _)| Alias { text, count })
                .collect(),
            docs: doc_ids
                .iter()
                .filter_map(|&d| docs.get(d).map(|doc| doc.id.clone()))
                .collect(),
        });
    }
    for doc in docs.iter_mut() {
        doc.mentions.clear();
    }
    for (i, f) in flat.iter().enumerate() {
        let e = id_of[&set_of_candidate[i]];
        let Some(doc) = docs.get_mut(f.doc) else {
            continue;
        };
        let Some(text) = doc.body.get(f.cand.start..f.cand.end) else {
            continue;
        };
        doc.mentions.push(Mention {
            text: text.to_string(),
            start: f.cand.start,
            end: f.cand.end,
            sentence: f.cand.sentence,
            kind: entities[e].kind,
            entity: entities[e].id.clone(),
        });
    }
    for doc in docs.iter_mut() {
        doc.mentions.sort_by_key(|m| (m.start, m.end));
    }
    entities
}

fn count_in(list: &mut Vec<(String, usize, usize)>, text: String, at: usize) {
    match list.iter_mut().find(|a| a.0 == text) {
        Some(a) => a.1 += 1,
        None => list.push((text, 1, at)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants() {
        assert!(similar_names("kadeem", "kadim"));
        assert!(similar_names("kadhimi", "kadhemi"));
        assert!(!similar_names("varo", "vargo"));
        assert!(!similar_names("reiss", "rose"));
        assert!(!similar_names("birg", "berg"));
        assert!(!similar_names("obama", "osama"));
        assert!(!similar_names("dask", "varo"));
        assert_eq!(consonant_key("Kadhimi"), consonant_key("Kadim"));
        assert_eq!(edit_distance("kachin", "kadhimi"), 3);
    }
}
