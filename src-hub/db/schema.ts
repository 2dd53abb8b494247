/**
 * The hub's PostgreSQL schema (PGlite embedded, or a real server). Migrations are generated from this file by
 * drizzle-kit (`npx drizzle-kit generate --config src-hub/drizzle.config.ts`) into ../migrations.
 *
 * Reports are keyed by the portal's `reportId`; every revision is kept as received (redacted once withdrawn).
 * Officers' mutations are kept as pushed, with the token that pushed them. The feed is an append-only list of
 * references to those rows in hub order; entries are materialized when read, so a later redaction also
 * applies to old entries. The hub is the authority on who may do what: it keeps the registry of officers and
 * just enough state of requests and routes to refuse what an officer may not do (see ../mutations/authority).
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const timestampText = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** The officers the hub knows; roles and teams are decided here and copied to every workstation. */
export const officers = pgTable(
  'officers',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['officer', 'supervisor', 'privacy'] }).notNull(),
    team: text('team'),
    /** A deactivated officer keeps their id (mutations name it) but their credential no longer works. */
    active: boolean('active').notNull().default(true),
    /** Regions whose reports (and the work on them) the officer may read; null means all (`*`). */
    scope: text('scope').array(),
    /** The officer's subject (or configured claim) at the force's identity provider; null when they have none. */
    oidcSubject: text('oidc_subject').unique('officers_oidc_subject'),
    createdAt: timestampText('created_at').notNull(),
  },
  (table) => [check('officers_role', sql`${table.role} IN ('officer', 'supervisor', 'privacy')`)],
);

export const hubTokens = pgTable(
  'hub_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    role: text('role', { enum: ['intake', 'workstation'] }).notNull(),
    /** Regions a workstation token may read from the feed; null means all (`*`). */
    scope: text('scope').array(),
    /** SHA-256 of the token (hex); the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestampText('created_at').notNull(),
    revokedAt: timestampText('revoked_at'),
    /** An officer's credential: a workstation token that may push only that officer's mutations. */
    officerId: text('officer_id').references(() => officers.id),
  },
  (table) => [
    uniqueIndex('hub_tokens_hash').on(table.tokenHash),
    uniqueIndex('hub_tokens_active_name').on(table.name).where(sql`${table.revokedAt} IS NULL`),
    check('hub_tokens_role', sql`${table.role} IN ('intake', 'workstation')`),
    check('hub_tokens_officer_workstation', sql`${table.officerId} IS NULL OR ${table.role} = 'workstation'`),
  ],
);

/**
 * Officers' sessions (`pzs_…`): short-lived, renewable proof of who is working, given for a credential or a token
 * of the force's identity provider (../auth/sessions.ts). Only the SHA-256 of a session is stored.
 */
export const officerSessions = pgTable(
  'officer_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officerId: text('officer_id')
      .notNull()
      .references(() => officers.id),
    tokenHash: text('token_hash').notNull(),
    /** How the officer proved who they are: `credential` or `oidc`. */
    method: text('method', { enum: ['credential', 'oidc'] }).notNull(),
    createdAt: timestampText('created_at').notNull(),
    expiresAt: timestampText('expires_at').notNull(),
    /** Signed out (or replaced); the row stays, because mutations refer to the session that pushed them. */
    revokedAt: timestampText('revoked_at'),
  },
  (table) => [uniqueIndex('officer_sessions_hash').on(table.tokenHash), check('officer_sessions_method', sql`${table.method} IN ('credential', 'oidc')`)],
);

/**
 * Officers' signing keys (Ed25519), one per officer and workstation, registered under the officer's session. A
 * mutation signed by an officer's unrevoked key is that officer's, whoever pushes it (../mutations/authority/proof.ts).
 */
export const officerKeys = pgTable('officer_keys', {
  /** The key's JWK thumbprint (RFC 7638). */
  keyId: text('key_id').primaryKey(),
  officerId: text('officer_id')
    .notNull()
    .references(() => officers.id),
  /** The raw public key, base64url (the JWK's `x`). */
  publicKey: text('public_key').notNull(),
  createdAt: timestampText('created_at').notNull(),
  revokedAt: timestampText('revoked_at'),
});

export const reports = pgTable('reports', {
  reportId: text('report_id').primaryKey(),
  /** The current (highest) revision. */
  revision: integer('revision').notNull(),
  status: text('status', { enum: ['filed', 'withdrawn'] }).notNull(),
  /** Every region any revision named; decides which workstations receive the report. */
  regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
  /** Highest withdrawn revision: no stored revision up to it keeps personal data. */
  withdrawnRevision: integer('withdrawn_revision'),
  firstReceivedAt: timestampText('first_received_at').notNull(),
  updatedAt: timestampText('updated_at').notNull(),
});

export const reportRevisions = pgTable(
  'report_revisions',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.reportId),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['filed', 'withdrawn'] }).notNull(),
    region: text('region'),
    receivedAt: timestampText('received_at').notNull(),
    /** The record exactly as received (unknown fields preserved), or its redaction once withdrawn. */
    raw: text('raw').notNull(),
    storedAt: timestampText('stored_at').notNull(),
    /** The intake token that delivered it. */
    tokenId: integer('token_id')
      .notNull()
      .references(() => hubTokens.id),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.revision] })],
);

export const mutations = pgTable(
  'mutations',
  {
    /** Client-generated: a retried push finds the mutation here and applies nothing. */
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    officer: text('officer').notNull(),
    /** The workstation's clock, as sent (informative only). */
    at: text('at').notNull(),
    /** The feed position the workstation had pulled when the change was made (null from older workstations). */
    basis: bigint('basis', { mode: 'bigint' }),
    payload: jsonb('payload').notNull(),
    /** The workstation token that pushed it (null when an officer's session pushed it). */
    tokenId: integer('token_id').references(() => hubTokens.id),
    /** The officer's session that pushed it (null when a token pushed it). */
    sessionId: integer('session_id').references(() => officerSessions.id),
    /**
     * The officer's key that signed it (an officer_keys.key_id; no foreign key, because rows are written before the
     * push is judged, and a push naming an unknown key is refused), and the signature. Null when the officer's own
     * credential or session pushed it unsigned.
     */
    proofKeyId: text('proof_key_id'),
    signature: text('signature'),
    receivedAt: timestampText('received_at').notNull(),
  },
  (table) => [
    index('mutations_token').on(table.tokenId),
    // The requests made on a case (src-hub/retention/quoting-holders.ts), read when one of its reports is withdrawn.
    index('mutations_action_case')
      .on(sql`(${table.payload}->>'caseId')`)
      .where(sql`${table.kind} = 'action.create'`),
  ],
);

/** Feed sequence numbers; only ever taken under the feed lock (see ../feed/append.ts). */
export const feedSeq = pgSequence('feed_seq', { startWith: 1, increment: 1, cache: 1 });

export const feed = pgTable(
  'feed',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey(),
    type: text('type', { enum: ['report', 'mutation'] }).notNull(),
    reportId: text('report_id'),
    revision: integer('revision'),
    mutationId: uuid('mutation_id').references(() => mutations.id),
    /**
     * Regions an entry is delivered to: a report's regions, or those of the reports a mutation is about (see
     * ../mutations/reach); null for a mutation every scope receives (directory, routing rules, benign list).
     */
    regions: text('regions').array(),
    /**
     * A report revision announced again because the report gained a region after it was stored, so the new
     * region's subscribers receive its whole history. Subscribers of `*` had it already and skip these.
     */
    reannounce: boolean('reannounce').notNull().default(false),
  },
  (table) => [
    foreignKey({ columns: [table.reportId, table.revision], foreignColumns: [reportRevisions.reportId, reportRevisions.revision] }),
    /** A mutation is placed once; re-announcements of it to regions that newly hold its subject come later. */
    uniqueIndex('feed_mutation').on(table.mutationId).where(sql`NOT ${table.reannounce}`),
    check(
      'feed_reference',
      sql`(${table.type} = 'report' AND ${table.reportId} IS NOT NULL AND ${table.revision} IS NOT NULL AND ${table.mutationId} IS NULL AND ${table.regions} IS NOT NULL)
        OR (${table.type} = 'mutation' AND ${table.mutationId} IS NOT NULL AND ${table.reportId} IS NULL AND ${table.revision} IS NULL)`,
    ),
  ],
);

/**
 * The hub's own view of each request, kept as accepted mutations arrive: who wrote it (for four-eyes)
 * and its state (to refuse a transition made on a stale view). Workstations derive the rest from the feed.
 */
export const requestStates = pgTable('request_states', {
  requestId: uuid('request_id').primaryKey(),
  kind: text('kind').notNull(),
  author: text('author').notNull(),
  state: text('state').notNull(),
  /** The accepted mutation that set `state`. */
  mutationId: uuid('mutation_id')
    .notNull()
    .references(() => mutations.id),
});

/** The first automatic route of each report: several workstations may route a new report; the first wins. */
export const autoRoutes = pgTable('auto_routes', {
  reportId: text('report_id').primaryKey(),
  mutationId: uuid('mutation_id')
    .notNull()
    .references(() => mutations.id),
});

/**
 * What each mutation is about, for the scopes it reaches (../mutations/reach): `report:<id>`, `case:<id>` or
 * `action:<id>`. Mutations without subjects (directory, routing rules, benign list) reach every scope.
 */
export const mutationSubjects = pgTable(
  'mutation_subjects',
  {
    subject: text('subject').notNull(),
    mutationId: uuid('mutation_id')
      .notNull()
      .references(() => mutations.id),
  },
  (table) => [primaryKey({ columns: [table.subject, table.mutationId] })],
);

/** Every report a case or request (`case:<id>`, `action:<id>`) ever held: its regions are the subject's. */
export const subjectReports = pgTable(
  'subject_reports',
  {
    subject: text('subject').notNull(),
    reportId: text('report_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.subject, table.reportId] }), index('subject_reports_report').on(table.reportId)],
);

/** The regions each mutation has been delivered to, so that it is announced to a region once. */
export const mutationRegions = pgTable(
  'mutation_regions',
  {
    mutationId: uuid('mutation_id')
      .notNull()
      .references(() => mutations.id),
    region: text('region').notNull(),
  },
  (table) => [primaryKey({ columns: [table.mutationId, table.region] })],
);

/**
 * The indicators (canonical type and value) of each report's current revision, extracted at intake with the
 * workstation's extraction (shared/indicators): the hub counts with them who else an indicator hurt ("seen
 * elsewhere", ../indicators) without handing out the reports.
 */
export const reportIndicators = pgTable(
  'report_indicators',
  {
    type: text('type').notNull(),
    value: text('value').notNull(),
    reportId: text('report_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.type, table.value, table.reportId] }), index('report_indicators_report').on(table.reportId)],
);

/** Every "seen elsewhere" question, with who asked it: the token, its officer (if a credential) and the officer the workstation named. */
export const elsewhereQuestions = pgTable('elsewhere_questions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  askedAt: timestampText('asked_at').notNull(),
  /** The token that asked; null when an officer's session asked (then `officerId` is the session's officer). */
  tokenId: integer('token_id').references(() => hubTokens.id),
  /** The officer whose credential asked; null for a shared workstation token. */
  officerId: text('officer_id'),
  /** The officer the workstation said it asked for (as signed in there). */
  askedFor: text('asked_for'),
  /** The caller's scope when asked (`*` or regions, comma-separated). */
  scope: text('scope').notNull(),
  type: text('type').notNull(),
  value: text('value').notNull(),
  /** How many reports elsewhere the answer counted. */
  answered: integer('answered').notNull(),
});

/**
 * Changes the hub refused because their officer is unknown or deactivated (an officer's offline work that reached
 * the hub after their deactivation): kept outside the refused push's transaction so that a supervisor sees them
 * (`GET /v1/refused`), never dropped silently. A later push of the same mutation updates its row.
 */
export const refusedMutations = pgTable('refused_mutations', {
  mutationId: uuid('mutation_id').primaryKey(),
  kind: text('kind').notNull(),
  officer: text('officer').notNull(),
  at: text('at').notNull(),
  payload: jsonb('payload').notNull(),
  reason: text('reason').notNull(),
  /** The name of the token or the officer of the session that pushed it. */
  pushedBy: text('pushed_by').notNull(),
  refusedAt: timestampText('refused_at').notNull(),
});

/**
 * Every workstation's audit log, entry by entry as the workstation chained it (shared/audit/chain.ts): append-only
 * (by trigger), accepted only as a continuation of the chain held (../audit/accept.ts). `seq` is the entry's id in
 * the workstation's log.
 */
export const auditEntries = pgTable(
  'audit_entries',
  {
    workstationId: text('workstation_id').notNull(),
    seq: integer('seq').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The details' JSON text exactly as the workstation stored and hashed it. */
    details: text('details'),
    /** SHA-256, lower-case hex. */
    entryHash: text('entry_hash').notNull(),
    /** The token that pushed it; null when an officer's session did. */
    tokenId: integer('token_id').references(() => hubTokens.id),
    receivedAt: timestampText('received_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workstationId, table.seq] }),
    // The Logboek's questions (../audit/questions.ts): one officer's entries by time, and one report's.
    index('audit_entries_actor_at').on(table.actor, table.at),
    index('audit_entries_subject').on(table.subjectType, table.subjectId),
  ],
);

/**
 * Which intake batch entry (`reports.received`, shared/audit/intake-batch.ts) names which report: a report's audit
 * trail finds its batch entries here instead of searching every batch entry's details (review M2). Filled as a push
 * is accepted (../audit/intake-entry-reports.ts), from the ids an entry lists; retention drops a report's rows, the
 * entries keep naming it. Keyed for the question: one report's entries; indexed by entry for a regional caller, who
 * sees a batch entry narrowed to their regions' reports.
 */
export const auditEntryReports = pgTable(
  'audit_entry_reports',
  {
    reportId: text('report_id').notNull(),
    workstationId: text('workstation_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.reportId, table.workstationId, table.seq] }),
    // A regional caller's answer: which reports of one entry are of their regions.
    index('audit_entry_reports_entry').on(table.workstationId, table.seq),
  ],
);

/**
 * Every question asked of the workstations' audit logs (../audit/questions.ts), each page, with who asked: a look
 * at who consulted what is itself a consultation. `answered` is null for a question refused (`refusal` says why).
 */
export const auditQuestions = pgTable('audit_questions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  askedAt: timestampText('asked_at').notNull(),
  officerId: text('officer_id').notNull(),
  /** The credential that asked; null when an officer's session did (`sessionId`). */
  tokenId: integer('token_id').references(() => hubTokens.id),
  sessionId: integer('session_id').references(() => officerSessions.id),
  /** The caller's scope when asked (`*` or regions, comma-separated). */
  scope: text('scope').notNull(),
  reportId: text('report_id'),
  aboutOfficer: text('about_officer'),
  periodFrom: text('period_from'),
  periodTo: text('period_to'),
  /** A later page of a question asked before. */
  continued: boolean('continued').notNull(),
  answered: integer('answered'),
  refusal: text('refusal'),
});

/** Each workstation's last accepted entry, kept by trigger apart from the entries: a chain cut short shows. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  workstationId: text('workstation_id').primaryKey(),
  seq: integer('seq').notNull(),
  entryHash: text('entry_hash').notNull(),
});

/**
 * Whose each workstation's audit log is: the workstation's audit key (Ed25519) that signed its first push. Only
 * pushes signed by that key continue the chain, whatever token carries them, so a station cannot append to or fork
 * a log that is not its own. A hub administrator forgets the key (`hub audit rebind`) when a workstation's store
 * was restored without it.
 */
export const auditChainKeys = pgTable('audit_chain_keys', {
  workstationId: text('workstation_id').primaryKey(),
  /** Ed25519 `x`, base64url. */
  publicKey: text('public_key').notNull(),
  boundAt: timestampText('bound_at').notNull(),
});

/** Pushes of audit entries the hub refused (a fork, a gap, an entry that does not match its hash): for supervisors. */
export const auditChainRefusals = pgTable('audit_chain_refusals', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  workstationId: text('workstation_id').notNull(),
  refusedAt: timestampText('refused_at').notNull(),
  /** The name of the token or the officer of the session that pushed it. */
  pushedBy: text('pushed_by').notNull(),
  /** The first entry of the push that did not continue the chain. */
  firstBad: integer('first_bad').notNull(),
  reason: text('reason').notNull(),
});

/**
 * The retention periods (shared/retention/periods.ts) the hub's runs use and every workstation copies at sync: one
 * row, set by a hub administrator (`hub retention periods --set …`); while it is absent the Dutch defaults apply.
 */
export const retentionPeriods = pgTable(
  'retention_periods',
  {
    id: integer('id').primaryKey(),
    dailyTaskYears: integer('daily_task_years').notNull(),
    caseYears: integer('case_years').notNull(),
    updatedAt: timestampText('updated_at').notNull(),
  },
  (table) => [
    check('retention_periods_one_row', sql`${table.id} = 1`),
    check('retention_periods_years', sql`${table.dailyTaskYears} BETWEEN 1 AND 30 AND ${table.caseYears} BETWEEN ${table.dailyTaskYears} AND 30`),
  ],
);

/** Every retention run on the hub, with counts only (never a report): it says when the next daily run is due. */
export const retentionRuns = pgTable('retention_runs', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  ranAt: timestampText('ran_at').notNull(),
  /** The day the run counted from (YYYY-MM-DD). */
  asOf: text('as_of').notNull(),
  purged: integer('purged').notNull(),
  kept: integer('kept').notNull(),
  /** Counts per hold reason (shared/retention/holds.ts). */
  held: jsonb('held').notNull(),
  /**
   * False while the tables this run (or an earlier one) purged from are not rewritten yet: the compaction gave up
   * waiting for a table, or did not finish. The next run compacts then, even if nothing new expired.
   */
  compacted: boolean('compacted').notNull().default(true),
});

/**
 * Tombstones of the reports retention purged (../retention/tombstones.ts): a keyed hash of each one's id and nothing
 * else, so that the portal re-sending it and a workstation's late changes about it are refused, not stored again.
 */
export const purgedReports = pgTable('purged_reports', {
  /** HMAC-SHA-256 of the reportId under `purge_key`, base64url. */
  reportKey: text('report_key').primaryKey(),
  /** The regions it named, so an audit entry about it arriving later is still its regions' (null: purged before this was kept). */
  regions: text('regions').array(),
});

/**
 * The regions of purged reports that the workstations' audit entries name (../audit/questions.ts): a regional
 * supervisor still sees who consulted their region's report after it left. Only ids the audit log holds already,
 * and a region; nothing of the victim.
 */
export const auditReportRegions = pgTable('audit_report_regions', {
  reportId: text('report_id').primaryKey(),
  regions: text('regions').array().notNull(),
});

/**
 * The cases and requests (`case:<id>`, `action:<id>`) that held a report when retention purged it. The hub keeps no
 * word of the purged report to redact a late quote of it with, so texts for them written before every workstation's
 * own run removed the report too are refused (../mutations/authority/purged-reports.ts). Ids of officers' work and a
 * day, no victim's data.
 */
export const purgedHolders = pgTable('purged_holders', {
  subject: text('subject').primaryKey(),
  /** The day (the run's `asOf`) the last of its reports was purged; rows from before it was kept get the migration's day. */
  purgedOn: date('purged_on', { mode: 'string' }).notNull().default(sql`CURRENT_DATE`),
});

/** The hub's own random key of the tombstones' hashes: one row, made at the first purge. */
export const purgeKey = pgTable('purge_key', { id: integer('id').primaryKey(), key: text('key').notNull() }, (table) => [check('purge_key_one_row', sql`${table.id} = 1`)]);

/**
 * A compaction owed after a withdrawal's redaction (../retention/redaction-compaction.ts): one row, written in the
 * redacting transaction and cleared only once the redacted tables were rewritten, so that neither a restart nor a
 * failed VACUUM FULL leaves the old rows in the files for good.
 */
export const redactionCompactionDue = pgTable(
  'redaction_compaction_due',
  {
    id: integer('id').primaryKey(),
    /** The first redaction not compacted yet: the compaction is due a delay after it. */
    since: timestampText('since').notNull(),
    /** Counts the redactions: a compaction clears only the ones committed before it began. */
    generation: bigint('generation', { mode: 'number' }).notNull().default(1),
  },
  (table) => [check('redaction_compaction_due_one_row', sql`${table.id} = 1`)],
);
