import { verifyChain } from '../../audit/audit-chain';
import { intakeEntryAbout } from '../../../shared/audit/intake-batch';
import { auditEntries, type StoredAuditEntry } from '../../audit/audit-entries';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage = 'audit verify --db <path> | audit list --db <path> [--report <id> [--whole]] [--officer <id>]';

export const auditCommand: CliCommand = {
  name: 'audit',
  usage,
  summary:
    'Check the audit log\'s hash chain ({"entries","ok"} and exit 0, or the first bad entry and why, exit 1), or print its entries as NDJSON, for one report or one officer. For a report, an intake batch entry shows only that report\'s part (--whole: the entry as stored, naming the batch\'s other reports, to check its hash).',
  async run(args, io) {
    const [action, ...rest] = args;
    const { values } = parseCommandArgs(rest, { db: { type: 'string' }, report: { type: 'string' }, whole: { type: 'boolean' }, officer: { type: 'string' } }, usage);
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
            // About one report, a batch entry is narrowed to it: the batch's other reports are none of this question's business.
            const viewsOf = (entry: StoredAuditEntry) => (values.report && !values.whole ? intakeEntryAbout(entry, values.report) : [entry]);
            for (const entry of auditEntries(store.sqlite, filter)) for (const view of viewsOf(entry)) await writeJsonLine(io.stdout, view);
          },
          { mustExist: true },
        );
        return 0;
      default:
        throw new UsageError(`usage: ${usage}`);
    }
  },
};
