//! Runs the stages in order over a batch: read, extract, date, tag, story, timeline.
