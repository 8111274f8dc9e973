//! Problems met while reading or annotating, reported instead of failing.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was skipped: a file, a record, a line.
    Skipped,
    /// The item was kept, but something about it is doubtful.
    Warning,
}

/// One problem with one input, phrased for the person who gave us that input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file (or `-` for standard input) the problem is in.
    pub file: String,
    /// Where in the file: `line 12`, `record 3 at byte 1024`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// A full sentence saying what is wrong and, where possible, what to do.
    pub problem: String,
}

impl Diagnostic {
    pub fn skipped(file: impl Into<String>, problem: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Skipped,
            file: file.into(),
            location: None,
            problem: problem.into(),
        }
    }

    pub fn warning(file: impl Into<String>, problem: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            file: file.into(),
            location: None,
            problem: problem.into(),
        }
    }

    pub fn at(mut self, location: impl Into<String>) -> Self {
        self.location = Some(location.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        };
        match &self.location {
            Some(loc) => write!(f, "{tag}: {} ({loc}): {}", self.file, self.problem),
            None => write!(f, "{tag}: {}: {}", self.file, self.problem),
        }
    }
}
