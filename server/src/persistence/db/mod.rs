//! The SQLite database: opening it, its schema, and the statements the store runs.
//!
//! A file database is opened in WAL mode with `synchronous=FULL`, so every
//! answered spend is on disk before its 201 leaves. Without a path the
//! database lives in memory and dies with the process.

pub mod checkout;
pub mod events;
pub mod fork;
pub mod keys;
pub mod load;
pub mod schema;
pub mod seed;
pub mod spend;
pub mod usage;

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;

/// Opens (creating it if need be) and migrates the database at `path`, or an in-memory one.
pub fn open(path: Option<&Path>) -> Result<Connection, String> {
    let conn = match path {
        Some(p) => Connection::open(p).map_err(|e| format!("--db {}: {e}", p.display()))?,
        None => Connection::open_in_memory().map_err(|e| format!("in-memory database: {e}"))?,
    };
    let err = |e: rusqlite::Error| format!("database setup: {e}");
    conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(err)?;
    if path.is_some() {
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(format!("database setup: journal_mode is {mode}, not wal"));
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
    }
    schema::migrate(&conn).map_err(|e| format!("database migration: {e}"))?;
    Ok(conn)
}

/// A count of credits as SQLite stores it (signed 64-bit), saturating.
pub fn to_sql(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// A count of credits read back; a negative value (never written) reads as 0.
pub fn from_sql(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// An enum from its snake_case text, through its serde form (`Unknown` when new).
pub fn parse_enum<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
    })
}
