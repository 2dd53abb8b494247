import { listBenignValues } from '../../benign/benign-values';
import { addBenignValue, removeBenignValue } from '../../mutations/services';
import { systemClock } from '../../../shared/platform/clock';
import { parseCommandArgs, requireOption } from '../args';
import { cliActor } from '../cli-actor';
import { UsageError, writeJsonLine, type CliCommand } from '../command';
import { withCliStore } from '../store-option';

const usage =
  'benign list --db <path> | benign add --db <path> --type <t> --value <v> --reason <text> [--by <officer>] | benign remove --db <path> --type <t> --value <v> [--by <officer>]';

export const benignCommand: CliCommand = {
  name: 'benign',
  usage,
  summary: 'Show or edit the benign list (values recorded on reports that never link them, e.g. spoofed bank numbers); edits sync like any officer change.',
  async run(args, io) {
    const [action, ...rest] = args;
    const { values } = parseCommandArgs(
      rest,
      { db: { type: 'string' }, type: { type: 'string' }, value: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' } },
      usage,
    );
    const dbPath = requireOption(values.db, '--db', usage);
    const actor = values.by ?? cliActor(io.env);
    switch (action) {
      case 'list':
        await withCliStore(dbPath, io, async (store) => {
          for (const entry of listBenignValues(store.sqlite)) await writeJsonLine(io.stdout, entry);
        });
        return 0;
      case 'add': {
        const input = {
          type: requireOption(values.type, '--type', usage),
          value: requireOption(values.value, '--value', usage),
          reason: requireOption(values.reason, '--reason', usage),
        };
        const added = await withCliStore(dbPath, io, (store) => addBenignValue(store, { clock: systemClock }, { officer: actor, ...input }));
        await writeJsonLine(io.stdout, added.payload);
        return 0;
      }
      case 'remove': {
        const input = { type: requireOption(values.type, '--type', usage), value: requireOption(values.value, '--value', usage) };
        await withCliStore(dbPath, io, (store) => removeBenignValue(store, { clock: systemClock }, { officer: actor, ...input }));
        await writeJsonLine(io.stdout, { removed: input });
        return 0;
      }
      default:
        throw new UsageError(`unknown benign action "${action ?? ''}"\nusage: ${usage}`);
    }
  },
};
