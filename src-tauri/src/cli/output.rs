//! Standard output and error when their reader goes away (`brownout inventory export | head`):
//! the command finishes as it would have and exits with its own code, without a panic and
//! without a message about the pipe.

use std::fmt::Display;
use std::io::{self, ErrorKind, Write};

/// A writer that drops everything once its reader has closed the pipe.
pub struct QuietPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> QuietPipe<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            closed: false,
        }
    }

    fn quiet<T>(&mut self, result: io::Result<T>, nothing: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(nothing)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.quiet(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.quiet(result, ())
    }
}

/// Standard output, quiet when its reader has gone.
pub fn stdout() -> QuietPipe<io::StdoutLock<'static>> {
    QuietPipe::new(io::stdout().lock())
}

/// Writes one line to standard error. If that fails there is nobody left to tell, so the
/// failure is ignored (`eprintln!` would panic).
pub fn note(line: impl Display) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

#[cfg(test)]
mod tests;
