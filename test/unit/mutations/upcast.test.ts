/**
 * shared/mutations/upcast.ts: a mutation in version 1's words validates as this version's, keeps its signed form,
 * and a value neither version knows is refused with the values there are.
 */
import { describe, expect, it } from 'vitest';
import { validateMutation } from '../../../shared/mutations/schema';
import { upcastAuditEntry } from '../../../shared/mutations/upcast';

const envelope = { id: '00000000-0000-4000-8000-000000000001', officer: 'r.dekker', at: '2026-11-02T09:00:00Z' };
const route = (priority: string) => ({ ...envelope, kind: 'report.route', payload: { reportId: 'IA-2026-0000001', team: 'Team Fraude', priority, assignee: null, ruleId: null, reason: 'Hand', automatic: false } });

describe('reading version 1 of the wire', () => {
  it('validates a version-1 mutation in this version’s words and keeps it as it was signed', () => {
    const old = route('hoog');
    const result = validateMutation(old);
    expect(result).toMatchObject({ ok: true, mutation: { payload: { priority: 'high' } }, signed: old });
    // This version's own words pass unchanged, as signed.
    const current = route('low');
    expect(validateMutation(current)).toMatchObject({ ok: true, mutation: current, signed: current });
  });

  it('reads both ends of a version-1 request step in this version’s words, and keeps it as signed', () => {
    const step = (from: string, to: string) => ({ ...envelope, kind: 'action.transition', payload: { actionId: '00000000-0000-4000-8000-0000000000a1', from, to, reason: null, method: 'email', occurredAt: '2026-11-02', dueAt: '2026-11-16', reference: null } });
    const old = step('goedgekeurd', 'verzonden');
    expect(validateMutation(old)).toMatchObject({ ok: true, mutation: { payload: { from: 'approved', to: 'sent' } }, signed: old });
    expect(validateMutation(step('approved', 'klaar'))).toMatchObject({ ok: false, reason: expect.stringMatching(/mutation\.payload\.to must be one of "draft", .*"expired", "withdrawn" \(got "klaar"\)/) as unknown });
    expect(upcastAuditEntry({ action: 'action.transition', details: { from: 'verzonden', to: 'afgewezen' } })).toEqual({ action: 'action.transition', details: { from: 'sent', to: 'refused' } });
  });

  it('refuses a value neither version knows, naming the field and the values there are', () => {
    expect(validateMutation(route('dringend'))).toEqual({ ok: false, reason: 'mutation.payload.priority must be one of "high", "normal", "low" (got "dringend")' });
  });

  it('shows an audit entry of version 1 in this version’s words, and others as they are', () => {
    expect(upcastAuditEntry({ id: 1, action: 'report.route', details: { priority: 'laag', team: 'X' } })).toEqual({ id: 1, action: 'report.route', details: { priority: 'low', team: 'X' } });
    const unrelated = { action: 'report.setWorkStatus', details: { status: 'new' } };
    expect(upcastAuditEntry(unrelated)).toBe(unrelated);
  });
});
