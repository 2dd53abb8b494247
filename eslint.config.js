// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { tableOwners } from './scripts/eslint/table-owners.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'stream', 'url', 'util', 'worker_threads'];

/** Layer table: which part may import which. Keeps Electron a thin shell and the renderer free of Node. */
const layers = [
  {
    name: 'shared imports only shared',
    files: ['shared/**/*.ts'],
    forbidden: ['**/src-main/**', '**/src-renderer/**', '**/src-hub/**', 'electron', ...nodeBuiltins],
  },
  {
    name: 'the hub is a server of its own: it never imports the workstation',
    files: ['src-hub/**/*.ts'],
    forbidden: ['electron', '**/src-renderer/**', '**/src-main/**', '**/src-generator/**'],
  },
  {
    name: 'the generator is a data source like the portal: it imports only shared',
    files: ['src-generator/**/*.ts'],
    forbidden: ['electron', '**/src-renderer/**', '**/src-main/**', '**/src-hub/**'],
  },
  {
    name: 'the renderer never touches Node or the main process',
    files: ['src-renderer/**/*.{ts,tsx}'],
    forbidden: ['electron', '**/src-main/**', '**/src-hub/**', ...nodeBuiltins],
  },
];

/**
 * The floors of src-main along the data's route, lowest first (src-main/README.md says what each holds). A folder
 * imports only from floors below its own, never from a folder beside it on the same floor, and never upwards.
 * Only composition (app, cli, electron) starts a hub or the demo's generator; only the shell imports electron.
 */
const mainFloors = [
  ['platform', 'db'],
  ['audit'],
  ['indicators'],
  ['linking', 'search'],
  ['benign'],
  ['mutations'],
  ['queries'],
  ['ingest'],
  ['requests', 'routing', 'sync', 'overview'],
  ['retention'],
  ['api'],
  ['app'],
  ['cli', 'electron'],
];
const COMPOSITION = new Set(['app', 'cli', 'electron']);

/**
 * Who owns which table of the case store (src-main/README.md, "Who owns which table"): a path ending in `/` is a
 * whole folder. Only a table's writer writes it; a table listed under `readers` is read only by its writer and the
 * modules listed there — the small tables by their owner alone, the big report tables by the read models. Others
 * call the owner's functions. Where a table still has more than one writer, the list is the debt still to pay down.
 */
const MUTATIONS = 'src-main/mutations/';
const REPORT_TABLES = 'src-main/db/reports/';
const OWNED = {
  store_meta: 'src-main/db/store-meta.ts',
  audit_log: 'src-main/audit/',
  officers: 'src-main/db/officers.ts',
  benign_values: 'src-main/benign/benign-values.ts',
  routing_rules: 'src-main/db/routing-rules.ts',
  directory_entries: 'src-main/db/directory-entries.ts',
  outbox: MUTATIONS,
  sync_applied: MUTATIONS,
  sync_conflicts: MUTATIONS,
  field_versions: MUTATIONS,
  officer_signing_keys: MUTATIONS,
  purged_reports: 'src-main/ingest/tombstones.ts',
  purge_key: 'src-main/ingest/tombstones.ts',
  removal_holders: 'src-main/db/removal-holders.ts',
  notes: MUTATIONS,
  cases: MUTATIONS,
  case_reports: MUTATIONS,
  request_listed_reports: MUTATIONS,
  link_decisions: MUTATIONS,
};
/** The big report tables are read, for speed, by the read models besides their owners. */
const BIG_TABLES = ['reports', 'report_revisions', 'mentions', 'indicators', 'clusters', 'reports_fts'];
const READ_MODELS = ['src-main/queries/', 'src-main/search/', 'src-main/overview/', 'src-main/linking/'];
const tableOwnerOptions = {
  writers: {
    ...Object.fromEntries(Object.entries(OWNED).map(([table, owner]) => [table, [owner]])),
    reports: [REPORT_TABLES],
    report_revisions: [REPORT_TABLES],
    mentions: [REPORT_TABLES],
    indicators: [REPORT_TABLES],
    reports_fts: ['src-main/search/report-text-index.ts'],
    clusters: ['src-main/linking/'],
    requests: [MUTATIONS],
    report_day_counts: ['src-main/overview/report-day-counts.ts'],
    open_report_counts: ['src-main/overview/report-day-counts.ts'],
    indicator_day_counts: ['src-main/overview/indicator-day-counts.ts'],
    indicator_totals: ['src-main/overview/indicator-day-counts.ts'],
    shape_day_counts: ['src-main/overview/shape-day-counts.ts'],
    cluster_day_counts: ['src-main/overview/cluster-day-counts.ts'],
    summary_day_counts: ['src-main/overview/summary-day-counts.ts'],
    kept_counts_deferral: [REPORT_TABLES],
    kept_counts_mentions_added: [REPORT_TABLES],
    kept_counts_cluster_moves: [REPORT_TABLES],
    // Filled by its trigger on audit_log (migration 0047); the purge deletes a report's rows.
    report_intake_entries: [REPORT_TABLES],
    __drizzle_migrations: ['src-main/db/apply-migrations.ts'],
  },
  readers: {
    ...Object.fromEntries(Object.keys(OWNED).map((table) => [table, []])),
    ...Object.fromEntries(BIG_TABLES.map((table) => [table, READ_MODELS])),
    report_intake_entries: ['src-main/audit/audit-entries.ts'],
  },
};

/** An import of src-main/<folder> from inside src-main: relative, climbing straight up to src-main. */
const importOfMainFolder = (folder) => `^(\\.\\./)+${folder}(/|$)`;

const mainFloorConfigs = mainFloors.flatMap((floor, level) =>
  floor.map((folder) => {
    const above = mainFloors.slice(level + 1).flat();
    const beside = floor.filter((other) => other !== folder);
    const outside = [
      ...(folder === 'electron' ? [] : ['electron']),
      '**/src-renderer/**',
      ...(COMPOSITION.has(folder) ? [] : ['**/src-hub/**', '**/src-generator/**']),
    ];
    return {
      name: `src-main floor ${level}: ${folder}`,
      files: [`src-main/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: outside, message: `Layer rule: src-main/${folder} may not import this (only composition starts hubs and the demo; only the shell imports electron).` },
              ...[...above, ...beside].map((other) => ({
                regex: importOfMainFolder(other),
                message: `Floor rule: src-main/${folder} (floor ${level}) may not import src-main/${other} (${above.includes(other) ? 'a floor above' : 'the same floor'}); see src-main/README.md.`,
              })),
            ],
          },
        ],
      },
    };
  }),
);

/**
 * The renderer's floors, lowest first: api and i18n; the state (the store's slices composed, selectors); ui
 * (shared components and extension points); the features; the app that composes them. A feature never imports
 * another: it reaches other features through the store's slices, `shared/` and the extension points of
 * ui/slots.tsx, which app/feature-slots.ts fills. state/app-state.ts composes the slices' types (type-only).
 */
const rendererFloors = [['api', 'i18n'], ['state'], ['ui'], ['features'], ['app']];
const rendererNodeAndMain = ['electron', '**/src-main/**', '**/src-hub/**', '**/src-generator/**', ...nodeBuiltins];

const rendererFloorConfigs = rendererFloors.flatMap((floor, level) =>
  floor.map((folder) => {
    const above = rendererFloors.slice(level + 1).flat();
    const beside = floor.filter((other) => other !== folder);
    return {
      name: `src-renderer floor ${level}: ${folder}`,
      files: [`src-renderer/${folder}/**/*.{ts,tsx}`],
      ignores: folder === 'state' ? ['src-renderer/state/app-state.ts'] : [],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { group: rendererNodeAndMain, message: 'Layer rule: the renderer never touches Node or the main process.' },
              ...[...above, ...beside].map((other) => ({
                regex: `^(\\.\\./)+${other}(/|$)`,
                message: `Floor rule: src-renderer/${folder} (floor ${level}) may not import src-renderer/${other} (${above.includes(other) ? 'a floor above' : 'the same floor'}); see src-renderer/README.md.`,
              })),
              ...(folder === 'features'
                ? [{ regex: '^\\.\\./[^./]', message: 'Feature rule: a feature never imports another feature; share through the store, shared/ or an extension point (ui/slots.tsx).' }]
                : []),
            ],
          },
        ],
      },
    };
  }),
);

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'migrations/**', 'test-results/**', 'playwright-report/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The renderer runs in a browser page; projectService picks src-renderer/tsconfig.json (DOM, JSX) for it.
    name: 'renderer runs in the browser',
    files: ['src-renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...mainFloorConfigs,
  {
    name: 'each table is written only by its writer, and a confined one read only by its listed readers',
    files: ['src-main/**/*.ts'],
    plugins: { puzzelstuk: { rules: { 'table-owners': tableOwners } } },
    rules: { 'puzzelstuk/table-owners': ['error', tableOwnerOptions] },
  },
  {
    name: 'every write transaction on the store opens IMMEDIATE, through one helper',
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/db/write-transaction.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open a transaction through writeTransaction (or readSnapshot) of src-main/db/write-transaction.ts: a DEFERRED one that reads, then writes fails at once with "database is locked" while another connection holds the writer\'s lock.',
        },
      ],
    },
  },
  ...layers.map((layer) => ({
    name: layer.name,
    files: layer.files,
    ignores: layer.ignores ?? [],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layer.forbidden, message: `Layer rule: ${layer.name}.` }] }],
    },
  })),
  ...rendererFloorConfigs,
);
