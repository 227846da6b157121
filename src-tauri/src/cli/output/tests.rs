use super::*;

/// A reader that left after `room` bytes.
struct ClosedAfter {
    room: usize,
    got: Vec<u8>,
}

impl Write for ClosedAfter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(ErrorKind::BrokenPipe.into());
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        self.got.extend_from_slice(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_swallows_the_rest_and_other_errors_pass() {
    let mut out = QuietPipe::new(ClosedAfter {
        room: 5,
        got: vec![],
    });
    out.write_all(b"hello world").unwrap();
    writeln!(out, "more").unwrap();
    out.flush().unwrap();
    assert_eq!(out.inner.got, b"hello");
    assert!(out.closed);

    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let err = QuietPipe::new(Full).write_all(b"x").unwrap_err();
    assert_eq!(err.to_string(), "disk full");
}
