import type Database from 'better-sqlite3';
import { directoryEntriesTable } from '../../db/directory-entries';
import { routingRulesTable } from '../../db/routing-rules';
import type { SyncedEntity } from '../registers';
import { createRequestAdapter } from './request-adapter';
import { createBenignAdapter } from './benign-adapter';
import { createCaseAdapter } from './case-adapter';
import type { EntityAdapter } from './entity-adapter';
import { createKeyedJsonAdapter } from './keyed-json-adapter';
import { createLinkAdapter } from './link-adapter';
import { createNoteAdapter } from './note-adapter';
import { createReportAdapter } from './report-adapter';

export type { EntityAdapter } from './entity-adapter';

export function createEntityAdapters(sqlite: Database.Database): Record<SyncedEntity, EntityAdapter> {
  return {
    report: createReportAdapter(sqlite),
    link: createLinkAdapter(sqlite),
    note: createNoteAdapter(sqlite),
    case: createCaseAdapter(sqlite),
    benign: createBenignAdapter(sqlite),
    action: createRequestAdapter(sqlite),
    directory: createKeyedJsonAdapter(directoryEntriesTable(sqlite), 'entry'),
    routing: createKeyedJsonAdapter(routingRulesTable(sqlite), 'rule'),
  };
}
