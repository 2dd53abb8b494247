import type Database from 'better-sqlite3';
import { isIndicatorType } from '../../../shared/indicators/types';
import { dropBenignEntry, putBenignEntry } from '../../benign/benign-list';
import { splitBenignEntityId } from '../register-writes';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

/** One (type, value) on the benign list; changing it re-evaluates indicators and repairs clusters. */
export function createBenignAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string, string], { reason: string; added_by: string; added_at: string }>(
    'SELECT reason, added_by, added_at FROM benign_values WHERE type = ? AND value = ?',
  );
  const restamp = sqlite.prepare<[string, string, string, string]>('UPDATE benign_values SET added_by = ?, added_at = ? WHERE type = ? AND value = ?');


  return {
    read(entityId) {
      const { type, value } = splitBenignEntityId(entityId);
      const row = select.get(type, value);
      return row ? { value: { reason: row.reason }, officer: row.added_by, at: row.added_at } : NOTHING;
    },
    write(entityId, fields) {
      const state = fields.get('entry');
      const { type, value } = splitBenignEntityId(entityId);
      if (!state || !isIndicatorType(type)) return;
      const entry = state.value as { reason: string } | null;
      if (entry === null) {
        dropBenignEntry(sqlite, type, value);
        return;
      }
      const addedBy = state.officer ?? UNKNOWN_AUTHOR;
      const addedAt = state.at ?? '';
      const current = select.get(type, value);
      // Only a new reason (or a new entry) changes what links; a new author alone needs no re-clustering.
      if (current?.reason === entry.reason) {
        if (current.added_by !== addedBy || current.added_at !== addedAt) restamp.run(addedBy, addedAt, type, value);
      } else {
        putBenignEntry(sqlite, { type, value, reason: entry.reason }, addedBy, addedAt);
      }
    },
  };
}
