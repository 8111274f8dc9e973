//! Timeline summarisation: which dates matter, and which sentences say what
//! happened on each.

pub mod terms;
pub mod timeline;

pub use timeline::{build_timeline, TimelineOptions};
