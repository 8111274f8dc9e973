//! Small I/O helpers: a position-counting reader and bounded line reading.

use std::io::{self, BufRead, Read};

/// A buffered reader that knows how many bytes it has handed out.
pub(crate) struct Counted<R> {
    inner: R,
    pos: u64,
}

impl<R> Counted<R> {
    pub fn new(inner: R) -> Self {
        Counted { inner, pos: 0 }
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> u64 {
        self.pos
    }
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

/// A reader that fails once with a given error, then reads as empty.
pub(crate) struct FailingReader(Option<io::Error>);

impl FailingReader {
    pub fn new(error: io::Error) -> Self {
        FailingReader(Some(error))
    }
}

impl Read for FailingReader {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Reads one line, through its `\n`, into `buf`, keeping at most `limit`
/// bytes of it (the rest of a longer line is consumed and dropped).
/// Returns the full length of the line, or `None` at end of input.
pub(crate) fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u64>> {
    buf.clear();
    let mut total = 0u64;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((total > 0).then_some(total));
        }
        let (len, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = limit.saturating_sub(buf.len()).min(len);
        buf.extend_from_slice(&available[..room]);
        reader.consume(len);
        total += len as u64;
        if done {
            return Ok(Some(total));
        }
    }
}

/// Reads and drops up to `n` bytes; returns how many there were.
pub(crate) fn discard<R: Read>(reader: &mut R, n: u64) -> io::Result<u64> {
    io::copy(&mut reader.take(n), &mut io::sink())
}

/// Reads up to `n` bytes into a new buffer (short only at end of input).
pub(crate) fn read_exact_or_eof<R: Read>(reader: &mut R, n: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(n.min(1 << 20) as usize);
    reader.take(n).read_to_end(&mut out)?;
    Ok(out)
}

/// An I/O error as a short lowercase phrase for a diagnostic.
pub(crate) fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::UnexpectedEof => "the data ends too early".to_string(),
        _ => {
            let text = e.to_string();
            // `Os { .. }` errors end with "(os error N)"; keep the words.
            match text.find(" (os error") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}

/// Up to 40 bytes of `bytes`, printable, for showing what was found.
pub(crate) fn preview(bytes: &[u8]) -> String {
    let shown: String = bytes
        .iter()
        .take(40)
        .map(|&b| match b {
            b'\r' => "\\r".to_string(),
            b'\n' => "\\n".to_string(),
            0x20..=0x7e => (b as char).to_string(),
            _ => format!("\\x{b:02x}"),
        })
        .collect();
    if bytes.len() > 40 {
        format!("`{shown}…`")
    } else {
        format!("`{shown}`")
    }
}
