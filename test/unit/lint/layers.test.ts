/**
 * The layer and floor rules of eslint.config.js, tried on planted imports: each forbidden arrow is reported,
 * beside its allowed twin that is not. Linted as text at the path it would have (type-aware rules off: the
 * planted files do not exist, and these rules need no types).
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths';

const eslint = new ESLint({ cwd: PROJECT_ROOT, overrideConfig: [tseslint.configs.disableTypeChecked, { languageOptions: { parserOptions: { projectService: false } } }] });

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const planted = imported;\n`, { filePath: `${PROJECT_ROOT}/${filePath}` });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

const cases: Array<{ what: string; file: string; forbidden: string; allowed: string; says: RegExp }> = [
  {
    what: 'the owner of the officers\' changes reaching up to a read model',
    file: 'src-main/mutations/planted.ts',
    forbidden: "import { imported } from '../queries/report-detail';",
    allowed: "import { imported } from '../benign/benign-values';",
    says: /src-main\/mutations \(floor 5\) may not import src-main\/queries \(a floor above\)/,
  },
  {
    what: 'a read model reaching up to the ingest flow',
    file: 'src-main/queries/planted.ts',
    forbidden: "import { imported } from '../ingest/report-writer';",
    allowed: "import { imported } from '../mutations/note-list';",
    says: /src-main\/queries \(floor 6\) may not import src-main\/ingest \(a floor above\)/,
  },
  {
    what: 'a nested module of the data floor reaching up to a service',
    file: 'src-main/db/nested/planted.ts',
    forbidden: "import { imported } from '../../routing/rule-store';",
    allowed: "import { imported } from '../schema';",
    says: /may not import src-main\/routing/,
  },
  {
    what: 'search importing linking, beside it on the same floor',
    file: 'src-main/search/planted.ts',
    forbidden: "import { imported } from '../linking/queries';",
    allowed: "import { imported } from '../db/report-row';",
    says: /src-main\/linking \(the same floor\)/,
  },
  {
    what: 'the hub importing the workstation',
    file: 'src-hub/feed/planted.ts',
    forbidden: "import { imported } from '../../src-main/ingest/report-writer';",
    allowed: "import { imported } from '../../shared/intake/revision-rules';",
    says: /the hub is a server of its own/,
  },
  {
    what: 'a service starting a hub (only composition may)',
    file: 'src-main/sync/planted.ts',
    forbidden: "import { imported } from '../../src-hub/start';",
    allowed: "import { imported } from '../mutations/outbox';",
    says: /only composition starts hubs/,
  },
  {
    what: 'the workstation core loading the generator',
    file: 'src-main/ingest/planted.ts',
    forbidden: "import { imported } from '../../src-generator/generator';",
    allowed: "import { imported } from '../../shared/intake/schema';",
    says: /only composition starts hubs and the demo/,
  },
  {
    what: 'the generator importing the workstation',
    file: 'src-generator/planted.ts',
    forbidden: "import { imported } from '../src-main/db/schema';",
    allowed: "import { imported } from '../shared/intake/schema';",
    says: /the generator is a data source/,
  },
  {
    what: 'the renderer importing Node',
    file: 'src-renderer/features/queue/planted.ts',
    forbidden: "import { imported } from 'node:fs';",
    allowed: "import { imported } from '../../state/slice';",
    says: /the renderer never touches Node/,
  },
  {
    what: 'a feature importing another feature\'s component',
    file: 'src-renderer/features/report/planted.tsx',
    forbidden: "import { imported } from '../notes/NotesPanel';",
    allowed: "import { imported } from '../../ui/slots';",
    says: /a feature never imports another feature/,
  },
  {
    what: 'a shared component reaching up into a feature',
    file: 'src-renderer/ui/planted.tsx',
    forbidden: "import { imported } from '../features/session/session-slice';",
    allowed: "import { imported } from '../state/store-context';",
    says: /src-renderer\/ui \(floor 2\) may not import src-renderer\/features \(a floor above\)/,
  },
  {
    what: 'the state reaching up into the app',
    file: 'src-renderer/state/planted.ts',
    forbidden: "import { imported } from '../app/create-app-store';",
    allowed: "import { imported } from '../api/http-client';",
    says: /src-renderer\/state \(floor 1\) may not import src-renderer\/app/,
  },
  {
    what: 'the app importing the main process (the renderer layer rule holds on every floor)',
    file: 'src-renderer/app/planted.ts',
    forbidden: "import { imported } from '../../src-main/api/dispatch';",
    allowed: "import { imported } from '../features/notes/notes-slice';",
    says: /the renderer never touches Node/,
  },
];

describe('the layer and floor rules', () => {
  for (const { what, file, forbidden, allowed, says } of cases) {
    it(`report ${what}, and let its twin pass`, async () => {
      const errors = await layerErrors(file, forbidden);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(says);
      expect(await layerErrors(file, allowed)).toEqual([]);
    });
  }

  it('let the app compose features and a feature use its own folder', async () => {
    expect(await layerErrors('src-renderer/app/planted.ts', "import { imported } from '../features/notes/NotesPanel';")).toEqual([]);
    expect(await layerErrors('src-renderer/features/notes/planted.ts', "import { imported } from './notes-slice';")).toEqual([]);
  });

  it('allow composition to start a hub', async () => {
    expect(await layerErrors('src-main/app/planted.ts', "import { imported } from '../../src-hub/start';")).toEqual([]);
  });
});
