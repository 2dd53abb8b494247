import type Database from 'better-sqlite3';
import { isIndicatorType } from '../../../shared/indicators/types';
import { dropBenignEntry, putBenignEntry } from '../../benign/benign-list';
import { findBenignValue, restampBenignValue } from '../../benign/benign-values';
import { splitBenignEntityId } from '../register-writes';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

/** One (type, value) on the benign list; changing it re-evaluates indicators and repairs clusters. */
export function createBenignAdapter(sqlite: Database.Database): EntityAdapter {
  return {
    read(entityId) {
      const { type, value } = splitBenignEntityId(entityId);
      const row = findBenignValue(sqlite, type, value);
      return row ? { value: { reason: row.reason }, officer: row.addedBy, at: row.addedAt } : NOTHING;
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
      const current = findBenignValue(sqlite, type, value);
      // Only a new reason (or a new entry) changes what links; a new author alone needs no re-clustering.
      if (current?.reason === entry.reason) {
        if (current.addedBy !== addedBy || current.addedAt !== addedAt) restampBenignValue(sqlite, type, value, addedBy, addedAt);
      } else {
        putBenignEntry(sqlite, { type, value, reason: entry.reason }, addedBy, addedAt);
      }
    },
  };
}
