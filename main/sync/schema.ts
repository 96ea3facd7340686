import type pg from 'pg';
import { EDITOR_FIELDS } from '../../common/workspace';

// The workspace's schema on PostgreSQL, in numbered migrations like the local store's (each in its
// own transaction, recorded in claimscope.migrations, append only). The server keeps the ordered
// operation log (`ops`, a sequence gives the order), each shared row as it now stands (`rows`, with
// who last wrote each field), the decisions it made between analysts (`conflicts`), document texts
// once by their fingerprint (`blobs`) and the members. Roles are PostgreSQL's own: reader reads,
// analyst writes, editor decides flags and verdicts; row-level security and a trigger enforce
// them in the database, so a reader's direct SQL cannot write and an analyst cannot sign as another.

export const SCHEMA = 'claimscope';
export const ROLES = { reader: 'claimscope_reader', analyst: 'claimscope_analyst', editor: 'claimscope_editor' } as const;
export type WorkspaceRole = keyof typeof ROLES;
/** Notified on every push, with the last sequence number, to the listening clients. */
export const CHANNEL = 'claimscope_ops';

/** What an editor-only field holds when a row is made: making a row with it is no decision. */
const FIELD_DEFAULTS: Record<string, string> = { 'flags.status': 'open', 'assessments.verdict': 'unassessed' };

/** The editor-only fields as one SQL condition over a change `c` (jsonb: t, b, a). */
function editorCondition(): string {
  const parts: string[] = [];
  for (const [table, fields] of Object.entries(EDITOR_FIELDS)) {
    for (const f of fields ?? []) {
      const made = `to_jsonb('${FIELD_DEFAULTS[`${table}.${f}`] ?? ''}'::text)`;
      parts.push(
        `(c->>'t' = '${table}' AND jsonb_typeof(c->'a') = 'object' AND (c->'a'->'${f}') IS DISTINCT FROM ` +
          `(CASE WHEN jsonb_typeof(c->'b') = 'object' THEN c->'b'->'${f}' ELSE ${made} END))`,
      );
    }
  }
  return parts.join(' OR ') || 'false';
}

interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

const roleSql = Object.values(ROLES)
  .map((r) => `IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${r}') THEN CREATE ROLE ${r} NOLOGIN; END IF;`)
  .join('\n    ');

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [
  {
    version: 1,
    name: 'operations, rows, conflicts, blobs, members, roles',
    sql: `
  DO $$ BEGIN
    ${roleSql}
  END $$;
  GRANT ${ROLES.reader} TO ${ROLES.analyst};
  GRANT ${ROLES.analyst} TO ${ROLES.editor};

  CREATE TABLE ${SCHEMA}.workspace (
    id int PRIMARY KEY CHECK (id = 1),
    uid text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  INSERT INTO ${SCHEMA}.workspace (id, uid) VALUES (1, gen_random_uuid()::text);

  CREATE TABLE ${SCHEMA}.members (
    login text PRIMARY KEY DEFAULT session_user,
    joined_at timestamptz NOT NULL DEFAULT now()
  );

  CREATE SEQUENCE ${SCHEMA}.op_seq;
  CREATE TABLE ${SCHEMA}.ops (
    seq bigint PRIMARY KEY,
    uid text NOT NULL UNIQUE,
    author text NOT NULL DEFAULT session_user,
    label text NOT NULL DEFAULT '',
    client_at text,
    received_at timestamptz NOT NULL DEFAULT now(),
    changes jsonb NOT NULL,
    applied jsonb NOT NULL
  );

  CREATE TABLE ${SCHEMA}.rows (
    tbl text NOT NULL,
    uid text NOT NULL,
    data jsonb NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL,
    author text NOT NULL DEFAULT session_user,
    fields jsonb NOT NULL DEFAULT '{}',
    PRIMARY KEY (tbl, uid)
  );

  CREATE TABLE ${SCHEMA}.conflicts (
    id bigserial PRIMARY KEY,
    seq bigint NOT NULL,
    tbl text NOT NULL,
    uid text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('concurrent_edit', 'edit_of_deleted', 'missing_parent')),
    field text,
    kept jsonb,
    lost jsonb,
    winner text NOT NULL,
    loser text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX conflicts_seq ON ${SCHEMA}.conflicts (seq);

  CREATE TABLE ${SCHEMA}.blobs (
    text_sha256 text PRIMARY KEY,
    text text NOT NULL,
    blocks text NOT NULL,
    added_by text NOT NULL DEFAULT session_user,
    added_at timestamptz NOT NULL DEFAULT now()
  );

  -- Editors decide: a change of a flag's status or a verdict by anyone else is refused here.
  CREATE FUNCTION ${SCHEMA}.editor_fields_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF NOT pg_has_role(session_user, '${ROLES.editor}', 'MEMBER')
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(NEW.changes) c WHERE ${editorCondition()}) THEN
      RAISE EXCEPTION 'only an editor may confirm, explain or dismiss a flag or set a verdict' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
  END $fn$;
  CREATE TRIGGER ops_editor_fields BEFORE INSERT ON ${SCHEMA}.ops FOR EACH ROW EXECUTE FUNCTION ${SCHEMA}.editor_fields_guard();

  GRANT USAGE ON SCHEMA ${SCHEMA} TO ${ROLES.reader};
  GRANT SELECT ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${ROLES.reader};
  GRANT INSERT ON ${SCHEMA}.members TO ${ROLES.reader};
  GRANT INSERT ON ${SCHEMA}.ops, ${SCHEMA}.conflicts, ${SCHEMA}.blobs TO ${ROLES.analyst};
  GRANT INSERT, UPDATE ON ${SCHEMA}.rows TO ${ROLES.analyst};
  GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${ROLES.analyst};

  ALTER TABLE ${SCHEMA}.ops ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${SCHEMA}.rows ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${SCHEMA}.conflicts ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${SCHEMA}.blobs ENABLE ROW LEVEL SECURITY;
  ALTER TABLE ${SCHEMA}.members ENABLE ROW LEVEL SECURITY;
  CREATE POLICY read ON ${SCHEMA}.ops FOR SELECT TO ${ROLES.reader} USING (true);
  CREATE POLICY read ON ${SCHEMA}.rows FOR SELECT TO ${ROLES.reader} USING (true);
  CREATE POLICY read ON ${SCHEMA}.conflicts FOR SELECT TO ${ROLES.reader} USING (true);
  CREATE POLICY read ON ${SCHEMA}.blobs FOR SELECT TO ${ROLES.reader} USING (true);
  CREATE POLICY read ON ${SCHEMA}.members FOR SELECT TO ${ROLES.reader} USING (true);
  -- Nobody signs as someone else.
  CREATE POLICY own ON ${SCHEMA}.members FOR INSERT TO ${ROLES.reader} WITH CHECK (login = session_user);
  CREATE POLICY own ON ${SCHEMA}.ops FOR INSERT TO ${ROLES.analyst} WITH CHECK (author = session_user);
  CREATE POLICY own ON ${SCHEMA}.blobs FOR INSERT TO ${ROLES.analyst} WITH CHECK (added_by = session_user);
  CREATE POLICY own_insert ON ${SCHEMA}.rows FOR INSERT TO ${ROLES.analyst} WITH CHECK (author = session_user);
  CREATE POLICY own_update ON ${SCHEMA}.rows FOR UPDATE TO ${ROLES.analyst} USING (true) WITH CHECK (author = session_user);
  CREATE POLICY own ON ${SCHEMA}.conflicts FOR INSERT TO ${ROLES.analyst} WITH CHECK (winner = session_user OR loser = session_user);
`,
  },
];

export const SERVER_SCHEMA_VERSION = SERVER_MIGRATIONS.length;

/** Creates or updates the workspace's schema; run by its owner (`claimscope workspace init URL`). */
export async function migrateServer(client: pg.Client): Promise<{ from: number; to: number }> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Two owners initialising at once: the second waits, then finds nothing to do.
  await client.query('BEGIN');
  try {
    await client.query(`LOCK TABLE ${SCHEMA}.migrations IN EXCLUSIVE MODE`);
    const from = Number((await client.query(`SELECT coalesce(max(version), 0) AS v FROM ${SCHEMA}.migrations`)).rows[0].v);
    if (from > SERVER_SCHEMA_VERSION) throw new Error(`this workspace's schema is version ${from}, newer than this Claimscope knows (${SERVER_SCHEMA_VERSION}); update Claimscope`);
    for (const m of SERVER_MIGRATIONS) {
      if (m.version <= from) continue;
      await client.query(m.sql);
      await client.query(`INSERT INTO ${SCHEMA}.migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    await client.query('COMMIT');
    return { from, to: SERVER_SCHEMA_VERSION };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/**
 * Adds a member (run by the workspace's owner): a login role if there is none (with `password`),
 * given exactly one workspace role. Identifiers are quoted by PostgreSQL itself.
 */
export async function addMember(client: pg.Client, login: string, role: WorkspaceRole, password?: string): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$/.test(login)) throw new Error(`"${login}" is not a usable login name; use letters, digits, _ . @ -`);
  const ident = (await client.query('SELECT quote_ident($1) AS q', [login])).rows[0].q as string;
  const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login])).rowCount! > 0;
  const literal = password === undefined ? null : ((await client.query('SELECT quote_literal($1) AS q', [password])).rows[0].q as string);
  if (!exists) await client.query(`CREATE ROLE ${ident} LOGIN${literal ? ` PASSWORD ${literal}` : ''}`);
  else if (literal) await client.query(`ALTER ROLE ${ident} PASSWORD ${literal}`);
  for (const r of Object.values(ROLES)) await client.query(`REVOKE ${r} FROM ${ident}`);
  await client.query(`GRANT ${ROLES[role]} TO ${ident}`);
}
