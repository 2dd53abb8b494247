import { verifyChain } from '../../audit/audit-chain';
import { auditEntries } from '../../audit/audit-entries';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'audit verify --db <path> | audit list --db <path> [--report <id>] [--officer <id>]';

export const auditCommand: CliCommand = {
  name: 'audit',
  usage,
  summary:
    'Check the audit log\'s hash chain ({"entries","ok"} and exit 0, or the first bad entry and why, exit 1), or print its entries as NDJSON, for one report or one officer.',
  async run(args, io) {
    const [action, ...rest] = args;
    const { values } = parseCommandArgs(rest, { db: { type: 'string' }, report: { type: 'string' }, officer: { type: 'string' } }, usage);
    const dbPath = requireOption(values.db, '--db', usage);
    switch (action) {
      case 'verify': {
        const verdict = await withCliStore(dbPath, io, (store) => verifyChain(store.sqlite), { mustExist: true });
        await writeJsonLine(io.stdout, verdict);
        return verdict.ok ? 0 : 1;
      }
      case 'list':
        await withCliStore(
          dbPath,
          io,
          async (store) => {
            const filter = { ...(values.report ? { reportId: values.report } : {}), ...(values.officer ? { actor: values.officer } : {}) };
            for (const entry of auditEntries(store.sqlite, filter)) await writeJsonLine(io.stdout, entry);
          },
          { mustExist: true },
        );
        return 0;
      default:
        throw new UsageError(`usage: ${usage}`);
    }
  },
};
