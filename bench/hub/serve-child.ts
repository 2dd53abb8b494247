// Child: a hub on PostgreSQL (--database-url) or PGlite (--data), with an intake token and `--workstations`
// workstation tokens made before it serves: the first `--national` of them read every region (`*`), the others
// one regional police unit each, in turn. Each workstation has its officer, registered with the same scope and a
// signing key, as a signed-in workstation has (a station token pushes only signed changes). Prints {"url",
// "intake", "workstations", "officers"} as one line, then serves until SIGTERM or SIGINT, closes (answering held
// long-polls) and exits. With `--oidc-issuer` (and `--oidc-client-id`) officers also sign in at that identity
// provider, officer i as subject `kc-bench-<i>`.
import { parseArgs } from 'node:util';
import { registerOfficerKey } from '../../src-hub/auth/officer-keys';
import { createToken } from '../../src-hub/auth/tokens';
import { connect, type ConnectOptions } from '../../src-hub/db/connect';
import { migrateHub } from '../../src-hub/db/migrate';
import { addOfficer } from '../../src-hub/officers/registry';
import { generateSigningKey } from '../../src-main/mutations/officer-signing';
import { silentLogger } from '../../shared/platform/logger';
import { startHub } from '../../src-hub/start';
import { POLICE_UNITS } from '../../src-generator/places';
import { systemClock } from '../../shared/platform/clock';

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, data: { type: 'string' }, workstations: { type: 'string', default: '1' }, national: { type: 'string' }, 'oidc-issuer': { type: 'string' }, 'oidc-client-id': { type: 'string' } },
});
// With an identity provider, officer i signs in there as subject `kc-bench-<i>`.
const oidc = values['oidc-issuer'] ? { issuer: values['oidc-issuer'], clientId: values['oidc-client-id'] ?? 'puzzelstuk' } : undefined;
const national = Number(values.national ?? values.workstations);
const database: ConnectOptions = values['database-url'] ? { databaseUrl: values['database-url'] } : { dataDir: values.data! };

// Tokens first, on a connection of their own: an embedded data directory belongs to one connection at a time.
const setup = await connect(database);
let intake: string;
const workstations: string[] = [];
const officers: { id: string; keyId: string; privateKey: string; credential: string }[] = [];
try {
  await migrateHub(setup.db);
  intake = (await createToken(setup.db, systemClock, { role: 'intake', name: 'bench-portal' })).token;
  for (let i = 0; i < Number(values.workstations); i++) {
    const scope = i < national ? '*' : POLICE_UNITS[(i - national) % POLICE_UNITS.length]!;
    workstations.push((await createToken(setup.db, systemClock, { role: 'workstation', name: `bench-ws-${i}`, scope })).token);
    const id = `bench.officer.${i}`;
    const { credential } = await addOfficer(setup.db, systemClock, { id, displayName: `Bench officer ${i}`, role: 'officer', team: null, scope, oidcSubject: oidc ? `kc-bench-${i}` : null });
    const key = generateSigningKey();
    await registerOfficerKey(setup.db, systemClock, id, key.publicKey);
    officers.push({ id, keyId: key.keyId, privateKey: key.privateKey, credential });
  }
} finally {
  await setup.close();
}

const hub = await startHub({ database, port: 0, clock: systemClock, logger: silentLogger, oidc });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void hub.close().then(() => process.exit(0), () => process.exit(1));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdout.write(`${JSON.stringify({ url: hub.url, intake, workstations, officers })}\n`);
