/**
 * The local case store. Reports keep the portal's `reportId` as their portable identity (other stores and
 * the hub refer to them by it); the integer `id` is local and only used for compact joins.
 * Rows that officers create (cases, notes, requests, decisions) carry a globally unique text id so that
 * they can travel between workstations through the hub.
 */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const officers = sqliteTable('officers', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['officer', 'supervisor', 'privacy'] }).notNull(),
  team: text('team'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey(),
    reportId: text('report_id').notNull(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['filed', 'withdrawn'] }).notNull(),
    receivedAt: text('received_at').notNull(),
    firstReceivedAt: text('first_received_at').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    region: text('region'),
    reporterType: text('reporter_type'),
    summary: text('summary'),
    narrative: text('narrative'),
    /** Reported loss in euro cents; only EUR payments count (no exchange rates offline). */
    lossCents: integer('loss_cents').notNull().default(0),
    incidentAt: text('incident_at'),
    /** Connected component of live reports through non-benign shared indicators; null for singletons. */
    clusterId: integer('cluster_id'),
    workStatus: text('work_status', { enum: ['new', 'in_progress', 'closed'] }).notNull().default('new'),
    assignee: text('assignee'),
    /** Where routing put the report (see shared/routing/rules.ts); null until it is routed. */
    routeTeam: text('route_team'),
    routePriority: text('route_priority', { enum: ['high', 'normal', 'low'] }),
    /** The rule that routed it, or null when a supervisor re-routed it by hand. */
    routeRule: text('route_rule'),
    routeReason: text('route_reason'),
    routedBy: text('routed_by'),
    routedAt: text('routed_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('reports_report_id').on(table.reportId),
    index('reports_received_at').on(table.receivedAt),
    index('reports_cluster').on(table.clusterId),
    index('reports_category_received').on(table.category, table.receivedAt),
    index('reports_work').on(table.workStatus, table.assignee),
    /** Covers every filter, sort and count of the work queue, so listing 100k reports never reads the wide rows. */
    index('reports_queue').on(table.status, table.receivedAt, table.category, table.region, table.lossCents, table.clusterId, table.workStatus, table.assignee),
    /** The queue's region filter lists the regions by skipping through this index (a few lookups, not a scan). */
    index('reports_filed_region').on(table.region).where(sql`status = 'filed' AND region IS NOT NULL`),
    /** A team's own filed reports by receipt: a small team's overview reads its few overdue reports, not every team's. */
    index('reports_filed_team').on(table.routeTeam, table.receivedAt).where(sql`status = 'filed' AND route_team IS NOT NULL`),
  ],
);

/**
 * Every revision's raw record as received (unknown fields preserved); redacted once withdrawn. Read it through
 * src-main/db/stored-revision.ts: `packed` holds it deflated (and `raw` is empty), else `raw` holds the JSON text.
 */
export const reportRevisions = sqliteTable(
  'report_revisions',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    status: text('status').notNull(),
    receivedAt: text('received_at').notNull(),
    raw: text('raw').notNull(),
    packed: blob('packed', { mode: 'buffer' }),
    /** Where the report row's narrative goes back into `packed`'s text, when cut out of it (its current revision only). */
    narrativeAt: integer('narrative_at'),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.revision] })],
);

export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey(),
    type: text('type').notNull(),
    value: text('value').notNull(),
    enrichment: text('enrichment', { mode: 'json' }),
    /** Why the value never links reports (from the benign list), or null. */
    benignReason: text('benign_reason'),
  },
  (table) => [uniqueIndex('indicators_type_value').on(table.type, table.value)],
);

/**
 * Which live report mentions which indicator, and where; each (report, indicator, field) once — the report writer,
 * its only writer, sees to that (a unique key would be a second copy of every row). Withdrawn reports have none.
 */
export const mentions = sqliteTable(
  'mentions',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    field: text('field').notNull(),
    raw: text('raw').notNull(),
    benign: integer('benign', { mode: 'boolean' }).notNull(),
  },
  (table) => [
    index('mentions_report').on(table.reportId),
    // Covers both the questions about every mention of an indicator and linking's (`benign = 0`, read from the
    // index itself): a full cluster rebuild reads it alone, never the table. One index, not a second partial copy.
    index('mentions_indicator').on(table.indicatorId, table.reportId, table.benign),
  ],
);

export const clusters = sqliteTable('clusters', {
  id: integer('id').primaryKey(),
  size: integer('size').notNull(),
});

export const benignValues = sqliteTable(
  'benign_values',
  {
    type: text('type').notNull(),
    value: text('value').notNull(),
    reason: text('reason').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
    /**
     * For a domain: whether URLs on it are benign too. True for banks' and government sites; false for
     * platforms (t.me, instagram.com, marktplaats.nl …) where the path names the offender.
     */
    coversUrls: integer('covers_urls', { mode: 'boolean' }).notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.type, table.value] })],
);

/** An officer's confirmation or rejection of a link between two reports (ordered pair, a < b). */
export const linkDecisions = sqliteTable(
  'link_decisions',
  {
    reportA: text('report_a').notNull(),
    reportB: text('report_b').notNull(),
    decision: text('decision', { enum: ['confirmed', 'rejected'] }).notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportA, table.reportB] })],
);

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    owner: text('owner'),
    team: text('team'),
    status: text('status', { enum: ['new', 'in_progress', 'action_taken', 'closed'] })
      .notNull()
      .default('new'),
    closeReason: text('close_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('cases_status').on(table.status)],
);

export const caseReports = sqliteTable(
  'case_reports',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    reportId: text('report_id').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.caseId, table.reportId] }), index('case_reports_report').on(table.reportId)],
);

/**
 * Officers' requests (blocks, takedowns, warnings); the workflow lives in `state`, the content and the steps taken
 * (who, when, how) in `payload`. The columns beside it are what the requests list filters on.
 */
export const requests = sqliteTable(
  'requests',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    indicatorType: text('indicator_type'),
    indicatorValue: text('indicator_value'),
    caseId: text('case_id'),
    state: text('state').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    title: text('title').notNull().default(''),
    addresseeId: text('addressee_id'),
    /** YYYY-MM-DD dates of the lifecycle that the list shows and filters on. */
    sentAt: text('sent_at'),
    dueAt: text('due_at'),
    executedAt: text('executed_at'),
  },
  (table) => [
    index('requests_state').on(table.state),
    index('requests_indicator').on(table.indicatorType, table.indicatorValue),
    index('requests_due').on(table.dueAt),
  ],
);

/**
 * Every report a request ever listed or was about (its cluster's report), as the hub's `subject_reports` keeps them:
 * a report taken out of a request's list may still be quoted in its texts, which a purge or withdrawal of it redacts
 * (src-main/mutations/request-listings.ts). Not the holds: a request holds only the reports it lists now.
 */
export const requestListedReports = sqliteTable(
  'request_listed_reports',
  {
    reportId: text('report_id').notNull(),
    requestId: text('request_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.reportId, table.requestId] })],
);

/** Addressees of requests (shared/requests/directory.ts): Dutch defaults seeded once, then the supervisors'. */
export const directoryEntries = sqliteTable(
  'directory_entries',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    entry: text('entry', { mode: 'json' }).notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('directory_entries_kind').on(table.kind)],
);

/** Routing rules (shared/routing/rules.ts): Dutch defaults seeded once, then the supervisors'. */
export const routingRules = sqliteTable('routing_rules', {
  id: text('id').primaryKey(),
  position: integer('position').notNull(),
  rule: text('rule', { mode: 'json' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    subjectType: text('subject_type', { enum: ['report', 'case', 'action'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    body: text('body').notNull(),
    author: text('author').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('notes_subject').on(table.subjectType, table.subjectId)],
);

/**
 * Append-only (enforced by triggers) and chained: who did what, when. Each entry's `entry_hash` is the SHA-256 of
 * the previous entry's hash and its own content (src-main/audit/audit-chain.ts), so an edited, deleted, inserted
 * or reordered entry breaks the chain from there on. Never holds a victim's personal data.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: text('details', { mode: 'json' }),
    /** Null only for entries of a store from before the chain, until the store's next opening chains them. */
    entryHash: blob('entry_hash', { mode: 'buffer' }),
  },
  (table) => [index('audit_subject').on(table.subjectType, table.subjectId)],
);

/** Local mutations waiting to be pushed to the hub; written in the same transaction as the mutation. */
export const outbox = sqliteTable(
  'outbox',
  {
    mutationId: text('mutation_id').primaryKey(),
    createdAt: text('created_at').notNull(),
    officer: text('officer').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    /** The feed cursor the store had pulled when the officer made the change (see Mutation.basis). */
    basis: text('basis'),
    /** `rejected`: the hub refused it for good; it is neither pushed again nor shown. */
    state: text('state', { enum: ['pending', 'acked', 'rejected'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    ackedAt: text('acked_at'),
    /** The mutation's place in the hub's order, once acknowledged. */
    hubSeq: integer('hub_seq'),
    /** Local order of the officer's changes: pending ones are replayed on top of hub state in this order. */
    position: integer('position'),
    /** The officer's signature, made as the change was recorded (shared/mutations/proof.ts; JSON), or null. */
    proof: text('proof'),
  },
  (table) => [index('outbox_pending').on(table.state, table.createdAt).where(sql`state = 'pending'`)],
);

/**
 * Officers' signing keys on this workstation (src-main/mutations/officer-signing.ts): one per officer who signed in
 * here, registered with the hub under their session. The private half is protected at rest as the store is.
 */
export const officerSigningKeys = sqliteTable('officer_signing_keys', {
  officer: text('officer').primaryKey(),
  keyId: text('key_id').notNull(),
  /** PKCS #8, DER, base64url. */
  privateKey: text('private_key').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Small key/value facts of the store, e.g. the sync pull cursor (kept with the data it covers). */
export const storeMeta = sqliteTable('store_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Tombstones of the reports this store's retention purged (src-main/ingest/tombstones.ts): a keyed hash of each one's
 * id and nothing else, so that an import of an old revision or a feed entry does not bring a purged report back.
 */
export const purgedReports = sqliteTable('purged_reports', {
  /** HMAC-SHA-256 of the reportId under `purge_key`, base64url. */
  reportKey: text('report_key').primaryKey(),
});

/** The store's own random key of the tombstones' hashes: one row, made at the first purge; encrypted with the store. */
export const purgeKey = sqliteTable('purge_key', { id: integer('id').primaryKey(), key: text('key').notNull() });

/**
 * The cases and requests that held a report this store's retention purged or saw withdrawn (`case:<id>`, `action:<id>`),
 * with the day of the latest such removal (YYYY-MM-DD): a colleague's text for one arriving from the feed may quote the report
 * (shared/retention/late-quotes.ts). Ids of cases and requests only, as the hub keeps them.
 */
export const removalHolders = sqliteTable('removal_holders', {
  subject: text('subject').primaryKey(),
  removedOn: text('removed_on').notNull(),
  /** What happened to the report on that day, which a late quote's placeholder says (shared/retention/late-quotes.ts). */
  cause: text('cause', { enum: ['purged', 'withdrawn'] })
    .notNull()
    .default('purged'),
});

/**
 * Sync bookkeeping: every synced field (a last-writer-wins register) and the write that holds it in the hub's
 * order. `seq` 0 is the local value from before this workstation's first pending change of the field, kept so
 * that a change the hub refuses can be rolled back.
 */
export const fieldVersions = sqliteTable(
  'field_versions',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    seq: integer('seq').notNull(),
    mutationId: text('mutation_id'),
    officer: text('officer'),
    at: text('at'),
    /** JSON; `null` means the entity or entry does not exist. */
    value: text('value').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entity, table.entityId, table.field] }),
    // The cases that ever listed a report (src-main/mutations/report-traces.ts CASES_EVER_LISTING), asked by each
    // withdrawal and purge: by field, which the key cannot serve without the case. Only cases' registers.
    index('field_versions_case_field').on(table.field, table.entityId).where(sql`${table.entity} = 'case'`),
  ],
);

/** Mutations applied in the hub's order (from the feed, or own ones once acknowledged): each exactly once. */
export const syncApplied = sqliteTable(
  'sync_applied',
  {
    mutationId: text('mutation_id').primaryKey(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    officer: text('officer').notNull(),
    appliedAt: text('applied_at').notNull(),
    /** The mutation's basis (what its workstation had seen), when it came with one. */
    basis: text('basis'),
  },
  (table) => [uniqueIndex('sync_applied_seq').on(table.seq)],
);

/** "Your change was overridden": a concurrent change by someone else won a field this workstation had set. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** This workstation's mutation that lost. */
    mutationId: text('mutation_id').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    /** JSON of both values. */
    myValue: text('my_value').notNull(),
    winningValue: text('winning_value').notNull(),
    winningMutationId: text('winning_mutation_id').notNull(),
    winningOfficer: text('winning_officer').notNull(),
    /** When the winning change was made (its author's clock). */
    winningAt: text('winning_at').notNull(),
    detectedAt: text('detected_at').notNull(),
    dismissedAt: text('dismissed_at'),
  },
  (table) => [index('sync_conflicts_open').on(table.dismissedAt)],
);

/**
 * The overview's counts of filed reports by received day and the columns its backlog and weekly throughput split
 * on, so that it reads a few thousand rows rather than every report. Kept by triggers on `reports` (every writer
 * — import, sync, routing, assignment, retention — moves it in the same statement); read and rebuilt only by
 * src-main/overview/report-day-counts.ts. Absent region, team or assignee is ''; rows never hold a zero count.
 */
export const reportDayCounts = sqliteTable(
  'report_day_counts',
  {
    day: text('day').notNull(),
    category: text('category').notNull(),
    region: text('region').notNull(),
    team: text('team').notNull(),
    assignee: text('assignee').notNull(),
    workStatus: text('work_status').notNull(),
    reports: integer('reports').notNull(),
    lossCents: integer('loss_cents').notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.category, table.region, table.team, table.assignee, table.workStatus] })],
);

// The overview's other kept counts — `indicator_day_counts` (migration 0020), `shape_day_counts`,
// `cluster_day_counts` (0021) and `summary_day_counts` (0022): reports per day and indicator, shape, cluster or
// summary, and team — are created with their triggers in SQL only (like `reports_fts`): WITHOUT ROWID, which
// drizzle cannot declare.
// `open_report_counts` (migration overview_open_counts, SQL only too): the reports not closed by category, region,
// team and assignee without the day, kept by triggers on `report_day_counts`, for the backlog's older reports.
// Migration 0026 keys every kept count by the Dutch day of the receipt and adds `kept_counts_deferral` (SQL only,
// with them): while an import runs it holds the id above which the triggers leave new reports to be counted
// grouped at its end (one row at most since migration 0046, an index on a constant).
// `indicator_totals` (migration 0037, SQL only: an expression index): each indicator's sums over its day counts and
// its first and last day, kept by triggers on `indicator_day_counts`, for the harm ranking and fresh brand domains.
// Migration 0033 drops the triggers counting inserted reports and mentions (the writer inserts reports only under a
// deferral) and adds `kept_counts_mentions_added` (SQL only): the writer announces a revision's new mentions there.
// Migration kept_counts_cluster_moves adds `kept_counts_cluster_moves` (SQL only): the writer announces a cluster merge
// there, and the cluster's kept counts move in one go instead of one member at a time.
// Migration kept_counts_settling_pairs adds `kept_counts_settling` (SQL only, WITHOUT ROWID): the settle's distinct
// pairs of a report and an indicator it names, made once for its indicator and shape counts, and emptied by it.
// Migration kept_counts_settling_reports adds `kept_counts_settling_reports` (SQL only): the settle's filed reports
// with their counted columns and Dutch day, read from the wide report rows once for all its groupings, and emptied.
// Migration kept_counts_advance adds a trigger only: raising the deferral's mark counts the reports it passes.
