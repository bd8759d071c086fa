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
    // 2: idempotency keys are per member (one member's key no longer blocks another's),
    // and an index to drop the expired ones (`db::keys::KEY_LIFETIME`).
    "CREATE TABLE idempotency_by_member (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        ledger_seq INTEGER NOT NULL REFERENCES ledger(seq),
        answer TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, member_id, key)
    ) STRICT;
    INSERT INTO idempotency_by_member
        (workspace_id, member_id, key, fingerprint, ledger_seq, answer, created_at)
        SELECT i.workspace_id, l.member_id, i.key, i.fingerprint, i.ledger_seq, i.answer,
               i.created_at
        FROM idempotency i JOIN ledger l ON l.seq = i.ledger_seq;
    DROP TABLE idempotency;
    ALTER TABLE idempotency_by_member RENAME TO idempotency;
    CREATE INDEX idempotency_by_age ON idempotency (created_at);",
    // 3: the checkout stand-ins: purchases, their idempotency keys, scheduled downgrades.
    "CREATE TABLE purchases (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        kind TEXT NOT NULL,
        plan TEXT NOT NULL,
        credits INTEGER NOT NULL CHECK (credits >= 0),
        effective_at INTEGER NOT NULL,
        at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX purchases_newest_first ON purchases (workspace_id, seq DESC);
    CREATE TABLE purchase_keys (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        member_id TEXT NOT NULL REFERENCES members(id),
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        purchase_seq INTEGER NOT NULL REFERENCES purchases(seq),
        answer TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (workspace_id, member_id, key)
    ) STRICT;
    CREATE INDEX purchase_keys_by_age ON purchase_keys (created_at);
    CREATE TABLE pending_plan_changes (
        workspace_id TEXT PRIMARY KEY REFERENCES workspaces(id),
        plan TEXT NOT NULL,
        monthly_credits INTEGER NOT NULL CHECK (monthly_credits >= 0),
        effective_at INTEGER NOT NULL
    ) STRICT;",
    // 4: the balance stream's events (`db::events`): per workspace, `seq` counts up from 1;
    // `body` is the balance answer without its `member`, as it was right after the write.
    "CREATE TABLE balance_events (
        workspace_id TEXT NOT NULL REFERENCES workspaces(id),
        seq INTEGER NOT NULL CHECK (seq > 0),
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (workspace_id, seq)
    ) STRICT, WITHOUT ROWID;",
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
    fn version_2_keeps_the_keys_of_version_1_under_their_member() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "BEGIN; {}; PRAGMA user_version = 1; COMMIT;",
            MIGRATIONS[0]
        ))
        .unwrap();
        conn.execute_batch(
            "INSERT INTO workspaces VALUES ('ws', 'W', 'pro', 'active', 1, 'ok', 0, NULL, NULL, 0);
             INSERT INTO members VALUES ('u_a', 'A');
             INSERT INTO ledger VALUES (1, 'gen_x', 'ws', 'u_a', 'asset.view', 0, 'charged', 5);
             INSERT INTO idempotency VALUES ('ws', 'k', 'u_a\n{}', 1, '{}', 5);",
        )
        .unwrap();
        migrate(&conn).unwrap();
        let row: (String, String, i64) = conn
            .query_row(
                "SELECT member_id, key, created_at FROM idempotency",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(row, ("u_a".to_owned(), "k".to_owned(), 5));
    }

    #[test]
    fn a_newer_database_is_refused() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert!(migrate(&conn).is_err());
    }
}
