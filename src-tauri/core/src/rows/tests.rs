use rusqlite::Connection;

use super::*;

#[derive(Debug, PartialEq)]
struct Shift {
    person: String,
    hours: u32,
    note: Option<String>,
    position: usize,
}

#[test]
fn columns_fill_fields_in_the_order_written() {
    let conn = Connection::open_in_memory().unwrap();
    let mut stmt = conn.prepare("SELECT 'Ada', 12, NULL").unwrap();
    let got = all(&mut stmt, [], |r| {
        Ok(from_row!(r => Shift { person, hours, note; position: 7 }))
    })
    .unwrap();
    assert_eq!(
        got,
        [Shift {
            person: "Ada".into(),
            hours: 12,
            note: None,
            position: 7
        }]
    );
}

#[test]
fn ordered_children_keep_their_positions() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE t (parent TEXT, position INTEGER, a TEXT, b TEXT)")
        .unwrap();
    let items = [("x", Some("1")), ("y", None)];
    insert_ordered(
        &conn,
        "INSERT INTO t VALUES (?, ?, ?, ?)",
        "p",
        &items,
        |(a, b)| [a, b],
    )
    .unwrap();
    let mut stmt = conn
        .prepare("SELECT position, a, b FROM t ORDER BY position")
        .unwrap();
    let rows: Vec<(i64, String, Option<String>)> =
        all(&mut stmt, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap();
    assert_eq!(
        rows,
        [(0, "x".into(), Some("1".into())), (1, "y".into(), None)]
    );
}
