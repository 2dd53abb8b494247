/**
 * The lint rule of eslint.config.js that keeps plain `.transaction(` calls out of src-main: they open DEFERRED and
 * fail at once while another connection holds the writer's lock. Planted in a module it is reported; the same call in
 * src-main/db/write-transaction.ts, the one helper, is not; writeTransaction itself is not.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }] });

async function transactionErrors(filePath: string, call: string): Promise<string[]> {
  const source = `declare const sqlite: { transaction(body: () => void): () => void };\ndeclare function writeTransaction(db: unknown, body: () => void): () => void;\nexport const planted = ${call};\n`;
  const [result] = await eslint.lintText(source, { filePath: `${PROJECT_ROOT}/${filePath}` });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

describe('a write transaction in src-main opens through writeTransaction', () => {
  it('reports a plain sqlite.transaction( in a module, and not in the helper', async () => {
    expect(await transactionErrors('src-main/mutations/planted.ts', 'sqlite.transaction(() => undefined)')).toEqual([expect.stringMatching(/writeTransaction/)]);
    expect(await transactionErrors('src-main/db/write-transaction.ts', 'sqlite.transaction(() => undefined)')).toEqual([]);
  });

  it('reports it on a longer path too (context.store.sqlite.transaction)', async () => {
    expect(await transactionErrors('src-main/api/planted.ts', '({ store: { sqlite } }).store.sqlite.transaction(() => undefined)')).toHaveLength(1);
  });

  it('the twin: writeTransaction in a module is not reported', async () => {
    expect(await transactionErrors('src-main/mutations/planted.ts', 'writeTransaction(sqlite, () => undefined)')).toEqual([]);
  });
});
