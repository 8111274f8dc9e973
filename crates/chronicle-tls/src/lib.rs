//! Timeline summarisation: date selection and per-date sentence selection.
