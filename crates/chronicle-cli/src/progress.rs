//! A one-line progress report on stderr, only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct ProgressLine {
    enabled: bool,
    last: Option<Instant>,
    started: Instant,
}

impl ProgressLine {
    pub fn new(quiet: bool) -> Self {
        ProgressLine {
            enabled: !quiet && std::io::stderr().is_terminal(),
            last: None,
            started: Instant::now(),
        }
    }

    /// Redraws at most ten times a second.
    pub fn show(&mut self, message: &str) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self
            .last
            .is_some_and(|l| now.duration_since(l) < Duration::from_millis(100))
        {
            return;
        }
        self.last = Some(now);
        let secs = now.duration_since(self.started).as_secs_f32();
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{message} ({secs:.1} s)");
        let _ = err.flush();
    }

    pub fn finish(&mut self) {
        if self.enabled && self.last.is_some() {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}
