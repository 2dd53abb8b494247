import type { AnyMutation, MutationKind, MutationPayloads } from '../../../shared/mutations/kinds';
import type { ServiceDeps } from '../../../src-main/mutations/services';
import { fixedClock } from '../../../shared/platform/clock';

/** Predictable UUIDs (valid v4 shape) so failures are readable. */
export function sequentialIds(prefix = 0): () => string {
  let next = 0;
  return () => {
    next += 1;
    const tail = (prefix * 1_000_000 + next).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${tail}`;
  };
}

export function serviceDeps(start = '2026-11-02T09:00:00Z', prefix = 0): ServiceDeps {
  return { clock: fixedClock(new Date(start), 1000), newId: sequentialIds(prefix) };
}

let counter = 0;

/** A mutation as another workstation would have made it. */
export function foreignMutation<K extends MutationKind>(kind: K, payload: MutationPayloads[K], officer = 'agent.vermeer', at = '2026-11-02T08:00:00Z'): AnyMutation {
  counter += 1;
  return { id: `11111111-1111-4111-8111-${counter.toString(16).padStart(12, '0')}`, kind, officer, at, payload } as AnyMutation;
}
