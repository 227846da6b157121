//! Reading query results into structs: the columns, in `SELECT` order, fill the named fields in
//! the order they are written, so a query and its struct cannot disagree about column numbers.

use rusqlite::{params_from_iter, Connection, Params, Row, Statement, ToSql};

/// Every row of `stmt` run with `params`, each read by `read`.
pub fn all<T>(
    stmt: &mut Statement<'_>,
    params: impl Params,
    read: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    stmt.query_map(params, read)?.collect()
}

/// Writes `items` as the ordered children of `parent`; `sql` inserts (parent, position, then
/// the `N` values `values` gives each item).
pub fn insert_ordered<T, const N: usize>(
    conn: &Connection,
    sql: &str,
    parent: &str,
    items: &[T],
    values: impl Fn(&T) -> [&dyn ToSql; N],
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(sql)?;
    for (position, item) in items.iter().enumerate() {
        let position = position as i64;
        let head: [&dyn ToSql; 2] = [&parent, &position];
        stmt.execute(params_from_iter(head.into_iter().chain(values(item))))?;
    }
    Ok(())
}

/// `from_row!(row => Vendor { id, name, status_page })` reads columns 0, 1 and 2; fields after
/// a `;` are set from expressions instead (`; members: Vec::new()`).
macro_rules! from_row {
    ($row:expr => $t:ident { $($f:ident),+ $(; $($g:ident: $e:expr),+)? $(,)? }) => {{
        let row: &rusqlite::Row<'_> = $row;
        let mut column = 0usize..;
        // Struct fields are evaluated in the order written, so the columns follow it.
        $t {
            $($f: row.get(column.next().unwrap_or_default())?,)+
            $($($g: $e,)+)?
        }
    }};
}

pub(crate) use from_row;

#[cfg(test)]
mod tests;
