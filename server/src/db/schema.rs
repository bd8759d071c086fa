//! The schema, as numbered migrations; `PRAGMA user_version` says how many ran.

use rusqlite::Connection;

/// Each entry moves the schema one version up. Never edit one that shipped: add another.
const MIGRATIONS: &[&str] = &[
    // 1: workspaces, members and tokens, grants, the ledger, idempotency keys.
    "CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        plan TEXT NOT NULL,
        status TEXT NOT NULL,
        shared_pool INTEGER NOT NULL,
        payment_method TEXT NOT NULL,
        low_balance_threshold INTEGER NOT NULL,
        cycle_started_at INTEGER,
        cycle_resets_at INTEGER,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE members (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL
    ) STRICT;
    CREATE TABLE memberships (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, member_id)
    ) STRICT;
    CREATE TABLE tokens (
        token TEXT PRIMARY KEY,
        member_id TEXT NOT NULL REFERENCES members(id)
    ) STRICT;
    CREATE TABLE grants (
        id INTEGER PRIMARY KEY,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        kind TEXT NOT NULL,
        granted INTEGER NOT NULL,
        remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= granted),
        expires_at INTEGER
    ) STRICT;
    CREATE INDEX grants_by_workspace ON grants (workspace_id);
    CREATE TABLE ledger (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        action TEXT NOT NULL,
        credits INTEGER NOT NULL CHECK (credits >= 0),
        status TEXT NOT NULL,
        at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX ledger_newest_first ON ledger (workspace_id, at DESC, seq DESC);
    CREATE TABLE ledger_grants (
        ledger_seq INTEGER NOT NULL REFERENCES ledger(seq),
        grant_id INTEGER NOT NULL REFERENCES grants(id),
        credits INTEGER NOT NULL CHECK (credits > 0),
        PRIMARY KEY (ledger_seq, grant_id)
    ) STRICT;
    CREATE TABLE idempotency (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        ledger_seq INTEGER NOT NULL REFERENCES ledger(seq),
        answer TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, key)
    ) STRICT;",
];

/// Runs the migrations the database has not seen, each in its own transaction.
pub fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let done: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let done = usize::try_from(done).unwrap_or(0);
    if done > MIGRATIONS.len() {
        return Err(rusqlite::Error::InvalidParameterName(format!(
            "the database is at schema version {done}, newer than this server's {}",
            MIGRATIONS.len()
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        let version = i + 1;
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; {sql}; PRAGMA user_version = {version}; COMMIT;"
        ))?;
    }
    Ok(())
}

/// The schema version this server writes.
pub fn version() -> usize {
    MIGRATIONS.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().unwrap();
        migrate(&conn).unwrap();
        migrate(&conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v as usize, version());
    }

    #[test]
    fn a_newer_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(migrate(&conn).is_err());
    }
}
