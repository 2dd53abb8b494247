import { percentile, runChild } from '../child';
import type { Metric } from '../report';

/** Reports on the hub while officers sign in: the first queue is a page of them. */
const RECORDS = 2000;

/**
 * Issue 14: signing in through the identity provider to the first queue, on loopback (police-sign-in-child.ts).
 * No limit measured beside it: the flow is a chain of round trips (provider, hub, enrolment, first page).
 */
export async function policeSignInMetrics(records = RECORDS): Promise<Metric[]> {
  const result = await runChild<{ records: number; samples: number[]; afterLogin: number[]; phases: Record<string, number>[] }>('./ui/police-sign-in-child.ts', [String(records)]);
  const sorted = [...result.samples].sort((a, b) => a - b);
  const afterLogin = [...result.afterLogin].sort((a, b) => a - b);
  const median = (name: string) => Math.round(percentile(result.phases.map((phase) => phase[name]!).sort((a, b) => a - b), 50));
  const phases = `p50 of its phases: to the provider's login form ${median('toForm')} ms, filling it ${median('filling')} ms, on to the workstation's callback ${median('toCallback')} ms, to the signed-in answer (code exchange, hub session, key enrolment) ${median('toSignedIn')} ms, to the row ${median('toRow')} ms`;
  const note = `from the click on "Aanmelden met politie-account" through the provider's login page (filled by the harness at once; no consent page for the force's own application, as in Keycloak) and the hub's session to the first queue row, ${result.records.toLocaleString('en')} reports on the hub, a fresh workstation each time, n=${sorted.length}`;
  return [
    { name: 'sign-in with police account → first queue p50', value: percentile(sorted, 50), unit: 'ms', note },
    {
      name: 'sign-in with police account → first queue p95',
      value: percentile(sorted, 95),
      unit: 'ms',
      target: { op: '<=', value: 2000 },
      note: `of which after the officer's click on the provider's login form (the provider's redirect, code exchange, hub session, key enrolment, first queue): p50 ${Math.round(percentile(afterLogin, 50))} ms, p95 ${Math.round(percentile(afterLogin, 95))} ms; ${phases}`,
    },
  ];
}
