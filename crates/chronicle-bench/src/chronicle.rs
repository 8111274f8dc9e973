//! chronicle's side: each stage's work timed in this process, on one thread.
//! One warm-up item runs first (lazy regexes and tables are built then) and
//! is reported as start-up, as the peers' warm-up is.

use crate::quality::SystemTimexes;
use crate::{Figures, Item, Outcome, Stage, Workload};
use chronicle_eval::timeml::TimemlTimex;
use chronicle_extract::extract_html;
use chronicle_ingest::Input;
use chronicle_model::Document;
use chronicle_pipeline::dating::{date_from_sources, DatingClues};
use std::hint::black_box;
use std::time::Instant;

pub const TOOL: &str = "chronicle";

/// Times chronicle on `workload`, or says why the stage cannot be measured.
pub fn measure(workload: &Workload) -> Outcome {
    match workload.stage {
        Stage::Extract => Outcome::Measured(timed_pass(workload, extract_one)),
        Stage::Dates => Outcome::Measured(timed_pass(workload, date_one)),
        Stage::Timex => {
            let mut figures = timed_pass(workload, timex_one);
            figures.quality = timex_quality(workload);
            Outcome::Measured(figures)
        }
        Stage::Entities => Outcome::Measured(entities(workload)),
        Stage::Pipeline => Outcome::Measured(pipeline(workload)),
    }
}

/// What one item yielded, summed into a note that shows the work was done.
#[derive(Default)]
struct Tally {
    label: &'static str,
    count: usize,
}

fn timed_pass(workload: &Workload, work: fn(&Item) -> Tally) -> Figures {
    let warm_started = Instant::now();
    if let Some(first) = workload.items.first() {
        black_box(work(first));
    }
    let startup = warm_started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut total = 0;
    let mut label = "";
    for item in &workload.items {
        let tally = black_box(work(item));
        total += tally.count;
        label = tally.label;
    }
    let seconds = started.elapsed().as_secs_f64();
    Figures {
        tool: TOOL.to_string(),
        items: workload.items.len(),
        bytes: workload.bytes(),
        seconds,
        startup_seconds: Some(startup),
        notes: vec![format!("{total} {label}")],
        quality: None,
    }
}

fn extract_one(item: &Item) -> Tally {
    let page = extract_html(&item.text, item.url.as_deref());
    Tally {
        label: "pages with main text",
        count: usize::from(!page.paragraphs.is_empty()),
    }
}

/// The page's own date clues (metadata, URL, bylines) and the choice among
/// them, as the pipeline makes it; extraction runs too, since that is where
/// chronicle gathers the clues.
fn date_one(item: &Item) -> Tally {
    let page = extract_html(&item.text, item.url.as_deref());
    let clues = DatingClues {
        url: item.url.clone(),
        meta: page.dates,
        ..DatingClues::default()
    };
    let body = page.paragraphs.join("\n\n");
    let published = date_from_sources(&clues, &body);
    Tally {
        label: "pages dated",
        count: usize::from(published.date.is_some()),
    }
}

fn timex_one(item: &Item) -> Tally {
    Tally {
        label: "time expressions",
        count: tag_item(item).len(),
    }
}

fn tag_item(item: &Item) -> Vec<chronicle_model::Timex> {
    let dct = item.dct.as_deref().and_then(|d| d.parse().ok());
    let sentences = chronicle_time::split_sentences(&item.text);
    chronicle_time::tag(&item.text, &sentences, dct)
}

/// The same tagging again, outside the timed pass, scored against the gold.
fn timex_quality(workload: &Workload) -> Option<crate::Quality> {
    let system: SystemTimexes = workload
        .items
        .iter()
        .map(|item| {
            let timexes = tag_item(item).iter().map(TimemlTimex::from).collect();
            (item.id.clone(), timexes)
        })
        .collect();
    crate::quality::score(workload, &system, true)
}

/// Sentence splitting and entity finding with cross-document aliases, on the
/// batch as a whole (as the pipeline runs it); one warm-up pass first.
fn entities(workload: &Workload) -> Figures {
    let run = || {
        let mut docs: Vec<Document> = workload
            .items
            .iter()
            .map(|i| Document {
                id: i.id.clone(),
                sentences: chronicle_time::split_sentences(&i.text),
                body: i.text.clone(),
                ..Document::default()
            })
            .collect();
        let entities = chronicle_story::entities::find_entities(&mut docs);
        let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
        (entities.len(), mentions)
    };
    let warm_started = Instant::now();
    black_box(run());
    let warm = warm_started.elapsed().as_secs_f64();
    let started = Instant::now();
    let (entities, mentions) = black_box(run());
    let seconds = started.elapsed().as_secs_f64();
    Figures {
        tool: TOOL.to_string(),
        items: workload.items.len(),
        bytes: workload.bytes(),
        seconds,
        startup_seconds: Some((warm - seconds).max(0.0)),
        notes: vec![format!(
            "{mentions} entity mentions, {entities} entities after alias resolution"
        )],
        quality: None,
    }
}

/// `chronicle build` in-process: read and annotate every file, date across
/// the batch, build the timeline, render every output format (kept in
/// memory: writing five files is not what is measured). The whole workload
/// goes through once beforehand as the warm-up: lazy tables of every reader
/// and stage are built then; what that first pass took beyond the timed one
/// is reported as start-up.
fn pipeline(workload: &Workload) -> Figures {
    let inputs: Vec<Input> = workload
        .items
        .iter()
        .filter_map(|i| i.path.clone().map(Input::Path))
        .collect();
    let warm_started = Instant::now();
    black_box(build(&inputs));
    let warm = warm_started.elapsed().as_secs_f64();
    let started = Instant::now();
    let built = build(&inputs);
    let seconds = started.elapsed().as_secs_f64();
    let startup = (warm - seconds).max(0.0);
    Figures {
        tool: TOOL.to_string(),
        items: built.documents,
        bytes: workload.bytes(),
        seconds,
        startup_seconds: Some(startup),
        notes: vec![format!(
            "{} files, {} documents, {} timeline dates; reading and annotating {:.3} s, timeline and rendering {:.3} s",
            inputs.len(),
            built.documents,
            built.dates,
            built.annotate_seconds,
            seconds - built.annotate_seconds
        )],
        quality: None,
    }
}

struct Built {
    documents: usize,
    dates: usize,
    annotate_seconds: f64,
}

fn build(inputs: &[Input]) -> Built {
    let started = Instant::now();
    let batch = chronicle_pipeline::annotate_inputs(
        inputs,
        &chronicle_pipeline::Options::default(),
        &mut |_| {},
    );
    let annotate_seconds = started.elapsed().as_secs_f64();
    // As `chronicle build` does by default.
    let options = chronicle_tls::TimelineOptions {
        sentences: 2,
        ..chronicle_tls::TimelineOptions::default()
    };
    let timeline = chronicle_tls::build_timeline(&batch.documents, &options);
    let title = "Timeline";
    let mut rendered = chronicle_render::timeline_json(&timeline).len();
    rendered += chronicle_render::timeline_markdown(&timeline, title).len();
    rendered += chronicle_render::timeline_html(&timeline, title).len();
    rendered += chronicle_render::timelinejs_json(&timeline, title).len();
    for d in &batch.documents {
        rendered += serde_json::to_string(d).map_or(0, |s| s.len());
    }
    black_box(rendered);
    Built {
        documents: batch.documents.len(),
        dates: timeline.entries.len(),
        annotate_seconds,
    }
}
