//! What a server holds, read on a connection of the test's own: how many rows a table has.
//! Tests use it to check what a store wrote, or removed, through its own connections (through
//! a pooler, or on another server of a replication pair).

use tokio_postgres::Client;

/// The number of rows in `schema.table` as `client` sees it now. Both names are quoted, so
/// they are taken exactly as given.
pub async fn row_count(
    client: &Client,
    schema: &str,
    table: &str,
) -> Result<i64, tokio_postgres::Error> {
    let sql = format!("SELECT count(*) FROM {}.{}", quoted(schema), quoted(table));
    Ok(client.query_one(&sql, &[]).await?.get(0))
}

/// `name` as a quoted SQL identifier.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}
