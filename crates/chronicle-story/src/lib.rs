//! Story knowledge across the documents of a batch: entities and their
//! aliases, figures tracked over time, events reported by several outlets,
//! and answers to dated questions. The data types live in
//! `chronicle_model::story`.

mod aliases;
pub mod entities;
pub mod events;
pub mod figures;
pub use entities::{entity_by_name, find_entities};
pub mod ask;

use chronicle_model::{Document, Story};

/// Runs the whole story stage on a batch of annotated documents: entities
/// (filling each document's `mentions`), figures (filling `facts`), series
/// and events. Deterministic for the same documents in the same order.
pub fn analyse(docs: &mut [Document]) -> Story {
    let entities = find_entities(docs);
    for d in docs.iter_mut() {
        d.facts = figures::extract_facts(d);
    }
    let series = figures::build_series(docs);
    let events = events::group_events(docs, &entities);
    Story {
        entities,
        series,
        events,
    }
}

/// Puts the story into a timeline: its entities, series and events, and on
/// each entry the events of that date with all their sources, so an entry
/// lists every outlet that reported what happened that day.
pub fn attach(timeline: &mut chronicle_model::Timeline, story: Story) {
    for entry in &mut timeline.entries {
        for event in story.events.iter().filter(|e| e.date == entry.date) {
            entry.events.push(event.id.clone());
            for doc in &event.docs {
                if !entry.docs.contains(doc) {
                    entry.docs.push(doc.clone());
                }
            }
        }
        entry.docs.sort();
    }
    timeline.entities = story.entities;
    timeline.series = story.series;
    timeline.events = story.events;
}

/// The documents that mention an entity, in batch order.
pub fn documents_mentioning<'a>(
    docs: &'a [Document],
    entity: &chronicle_model::Entity,
) -> Vec<&'a Document> {
    docs.iter()
        .filter(|d| d.mentions.iter().any(|m| m.entity == entity.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_model::{Citation, Event, Timeline, TimelineEntry};

    #[test]
    fn attach_links_entries_to_events_of_their_date_and_adds_sources() {
        let mut t = Timeline {
            entries: vec![TimelineEntry {
                date: "2020-06-11".parse().unwrap(),
                summary: vec![],
                docs: vec!["b".into()],
                events: vec![],
                score: 1.0,
            }],
            ..Timeline::default()
        };
        let event = |id: &str, date: &str, docs: &[&str]| Event {
            id: id.into(),
            date: date.parse().unwrap(),
            reports: vec![Citation {
                text: "x".into(),
                doc: docs[0].into(),
                sentence: 0,
            }],
            docs: docs.iter().map(|d| d.to_string()).collect(),
            participants: vec![],
            date_conflicts: vec![],
        };
        let story = Story {
            entities: vec![],
            series: vec![],
            events: vec![
                event("v1", "2020-06-11", &["c", "a"]),
                event("v2", "2020-06", &["d"]),
            ],
        };
        attach(&mut t, story);
        assert_eq!(t.entries[0].events, vec!["v1".to_string()]);
        assert_eq!(t.entries[0].docs, vec!["a", "b", "c"]);
        assert_eq!(t.events.len(), 2);
    }
}
