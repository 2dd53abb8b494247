import { describe, expect, it } from 'vitest';
import { DIRECTORY_ID_PATTERN, DIRECTORY_KINDS } from '../../../shared/requests/directory';
import { defaultDirectoryEntries } from '../../../src-main/requests/directory-seed';
import { listDirectory } from '../../../src-main/requests/directory-entries';
import nlBankCodes from '../../../shared/indicators/data/nl-bank-codes.json';
import { openTempStore } from '../../support/temp-store';

const entries = defaultDirectoryEntries();

describe('default-directory.json', () => {
  it('is valid data: schema, unique readable ids, every kind present', () => {
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) expect(entry.id, entry.id).toMatch(DIRECTORY_ID_PATTERN);
    expect(new Set(entries.map((entry) => entry.kind))).toEqual(new Set(DIRECTORY_KINDS));
  });

  it('asks a supervisor to verify every contact before use', () => {
    for (const entry of entries) expect(entry.notes, entry.id).toMatch(/leidinggevende (te verifiëren|in te vullen)/);
  });

  it('names only bank codes that Dutch IBANs have, each at one bank', () => {
    const known = new Set(nlBankCodes.banks.map((bank) => bank.code));
    const codes = entries.flatMap((entry) => entry.bankCodes ?? []);
    for (const code of codes) expect(known.has(code), code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of ['ABNA', 'INGB', 'RABO', 'SNSB', 'ASNB', 'RBRB', 'TRIO', 'KNAB', 'BUNQ', 'FVLB']) expect(codes).toContain(code);
  });

  it('has SIDN for .nl and a liaison route for every other country', () => {
    expect(entries.find((entry) => entry.kind === 'registry')).toMatchObject({ id: 'registry.sidn', tlds: ['nl'] });
    expect(entries.filter((entry) => entry.kind === 'liaison').some((entry) => entry.countries?.includes('*'))).toBe(true);
  });
});

describe('seeding the directory', () => {
  it('puts the defaults into a new store once; a removed entry stays removed on reopening', () => {
    const temp = openTempStore();
    expect(listDirectory(temp.store.sqlite).map((entry) => entry.id).sort()).toEqual(entries.map((entry) => entry.id).sort());
    expect(listDirectory(temp.store.sqlite)[0]).toMatchObject({ updatedBy: 'system:defaults' });
    temp.store.sqlite.prepare("DELETE FROM directory_entries WHERE id = 'bank.knab'").run();
    temp.store.close();
    const reopened = openTempStore({ path: temp.path });
    expect(listDirectory(reopened.store.sqlite).map((entry) => entry.id)).not.toContain('bank.knab');
    expect(listDirectory(reopened.store.sqlite)).toHaveLength(entries.length - 1);
  });
});
