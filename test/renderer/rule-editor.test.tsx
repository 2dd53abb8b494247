// @vitest-environment jsdom
import './support/dom-setup';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { entryOfForm, emptyDirectoryForm } from '../../src-renderer/features/directory/directory-form';
import { RoutingRulesScreen } from '../../src-renderer/features/routing/RoutingRulesScreen';
import { emptyRuleForm, formOfRule, ruleOfForm } from '../../src-renderer/features/routing/rule-form';
import { routingRule, SUPERVISOR } from './support/request-builders';
import { FakeApi, settle } from './support/fake-api';
import { renderWithStore } from './support/render';

describe('rule form', () => {
  const valid = { ...emptyRuleForm(30), name: 'Hoge schade', team: 'Team Fraude', minLossEuros: 5000 as const };

  it('turns euros into cents and leaves empty conditions out', () => {
    expect(ruleOfForm(valid)).toEqual({
      rule: { name: 'Hoge schade', position: 30, enabled: true, conditions: { minLossCents: 500_000 }, team: 'Team Fraude', priority: 'normal', assign: 'balance' },
    });
  });

  it('names the fields that are wrong', () => {
    expect(ruleOfForm({ ...valid, name: ' ' })).toEqual({ errors: ['name'] });
    expect(ruleOfForm({ ...valid, team: '' })).toEqual({ errors: ['team'] });
    expect(ruleOfForm({ ...valid, minLossEuros: 5000, maxLossEuros: 100 })).toEqual({ errors: ['maxLoss'] });
    expect(ruleOfForm({ ...valid, position: '' })).toEqual({ errors: ['position'] });
    expect(ruleOfForm({ ...valid, regions: Array.from({ length: 101 }, (_, index) => `Regio ${index}`) })).toEqual({ errors: ['invalid'] });
  });

  it('allows no team only when the cluster owner is assigned', () => {
    const rule = ruleOfForm({ ...valid, team: '', assign: 'cluster_owner', clusterHasOwner: 'yes' });
    expect(rule).toMatchObject({ rule: { team: null, assign: 'cluster_owner', conditions: { clusterHasOwner: true, minLossCents: 500_000 } } });
  });

  it('reads a stored rule back into the same form', () => {
    const { id: _id, updatedBy: _by, updatedAt: _at, ...stored } = routingRule();
    expect(ruleOfForm(formOfRule(stored))).toEqual({ rule: stored });
  });
});

describe('directory form', () => {
  it('normalises codes and checks addresses by the shared schema', () => {
    const form = { ...emptyDirectoryForm('bank'), name: 'Bunq', email: 'fraud@bunq.example', bankCodes: ['bunq', ' BUNQ'] };
    expect(entryOfForm(form)).toEqual({ entry: { kind: 'bank', name: 'Bunq', channel: 'email', email: 'fraud@bunq.example', portalUrl: null, postalAddress: null, notes: null, bankCodes: ['BUNQ'] } });
    expect(entryOfForm({ ...form, email: 'geen-adres', portalUrl: 'ook geen url' })).toEqual({ errors: ['email', 'portalUrl'] });
    expect(entryOfForm({ ...form, bankCodes: ['ING-B'] })).toEqual({ errors: ['bankCodes'] });
  });
});

async function renderRules(api: FakeApi) {
  api.handle('session.get', () => ({ officer: SUPERVISOR, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null }));
  const rendered = renderWithStore(<RoutingRulesScreen />, api);
  await act(async () => {
    await rendered.store.getState().loadSession();
    rendered.store.getState().navigate({ screen: 'routing' });
    await settle();
  });
  return rendered;
}

describe('routing rule editor', () => {
  it('refuses an incomplete rule in the form, then saves a valid one', async () => {
    const api = new FakeApi().handle('routing.rules', () => [routingRule()]).handle('routing.putRule', ({ rule }) => ({ ...rule, id: 'nieuw', updatedBy: 'officer-2', updatedAt: '' }));
    await renderRules(api);
    fireEvent.click(screen.getByTestId('rule-add'));
    const dialog = screen.getByRole('dialog', { name: 'Regel toevoegen' });
    expect(within(dialog).getByTestId('rule-position')).toHaveProperty('value', '20');
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('rule-save'));
      await settle();
    });
    expect(within(dialog).getByText('Geef de regel een naam.')).toBeTruthy();
    expect(within(dialog).getByText('Kies een team, of wijs toe aan de eigenaar van het cluster.')).toBeTruthy();
    expect(api.callsOf('routing.putRule')).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('rule-name'), { target: { value: 'Hoge schade naar fraude' } });
    fireEvent.change(within(dialog).getByTestId('rule-team'), { target: { value: 'Team Fraude' } });
    fireEvent.change(within(dialog).getByTestId('rule-min-loss'), { target: { value: '10000' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('rule-save'));
      await settle();
    });
    expect(api.callsOf('routing.putRule')).toEqual([
      { rule: { name: 'Hoge schade naar fraude', position: 20, enabled: true, conditions: { minLossCents: 1_000_000 }, team: 'Team Fraude', priority: 'normal', assign: 'balance' } },
    ]);
  });

  it('lists the rules with their conditions in words and switches one off', async () => {
    const api = new FakeApi().handle('routing.rules', () => [routingRule()]).handle('routing.putRule', ({ rule }) => ({ ...routingRule(), ...rule }));
    await renderRules(api);
    const row = screen.getByTestId('rule-row-ransomware-org');
    expect(row.textContent).toContain('categorie Ransomware');
    expect(row.textContent).toContain('melder Organisatie');
    await act(async () => {
      fireEvent.click(within(row).getByRole('switch', { name: 'Ransomware bij organisaties ingeschakeld' }));
      await settle();
    });
    const [saved] = api.callsOf('routing.putRule');
    expect(saved).toMatchObject({ ruleId: 'ransomware-org', rule: { enabled: false, name: 'Ransomware bij organisaties', position: 10 } });
  });
});
