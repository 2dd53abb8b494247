import type { CliCommand } from '../command';
import { auditCommand } from './audit';
import { benignCommand } from './benign';
import { clustersCommand } from './clusters';
import { generateCommand } from './generate';
import { hubCommand } from './hub';
import { importCommand } from './import';
import { indicatorsCommand } from './indicators';
import { overviewCommand } from './overview';
import { relatedCommand } from './related';
import { retentionCommand } from './retention';
import { searchCommand } from './search';
import { serveCommand } from './serve';
import { storeCommand } from './store';
import { syncCommand } from './sync';

export const commands: CliCommand[] = [
  importCommand,
  indicatorsCommand,
  relatedCommand,
  clustersCommand,
  overviewCommand,
  searchCommand,
  generateCommand,
  benignCommand,
  auditCommand,
  hubCommand,
  syncCommand,
  serveCommand,
  storeCommand,
  retentionCommand,
];
