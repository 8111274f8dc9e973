//! Plain data types shared by every chronicle stage.
//!
//! Invariant: this crate does no I/O and knows nothing of files, terminals or
//! HTTP. Everything here is serde-serialisable; the JSON forms are the
//! project's output contract (see `docs/output-format.md`).

pub mod date;
pub mod diagnostic;
pub mod document;
pub mod story;
pub mod timeline;

pub use date::{Granularity, PartialDate, MONTH_NAMES, WEEKDAY_NAMES};
pub use diagnostic::{Diagnostic, Severity};
pub use document::{
    DateHow, Document, Published, Sentence, Source, SourceFormat, Timex, TimexType,
};
pub use story::{
    format_value, Alias, Approx, Conflict, DateConflict, Entity, EntityType, Event, Fact, Mention,
    Series, SeriesPoint, Story,
};
pub use timeline::{Citation, DocumentRef, Timeline, TimelineEntry};
