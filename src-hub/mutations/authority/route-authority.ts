/**
 * Automatic routes: workstations route a fresh report by the rules as it arrives, so several may route the same
 * report; the hub keeps the first and refuses the others (they then take the first from the feed). Routes a
 * supervisor makes (by hand, or by applying the rules) are not automatic and may follow at any time.
 */
import type { Mutation } from '../../../shared/mutations/kinds';
import type { HubDb } from '../../db/database';
import { autoRoutes } from '../../db/schema';
import { conflict, type Refusal } from './refusal';

export async function claimAutomaticRoute(tx: HubDb, mutation: Mutation<'report.route'>): Promise<Refusal | null> {
  // A concurrent push of the same report waits on the primary key here and then finds the row.
  const claimed = await tx
    .insert(autoRoutes)
    .values({ reportId: mutation.payload.reportId, mutationId: mutation.id })
    .onConflictDoNothing({ target: autoRoutes.reportId })
    .returning({ reportId: autoRoutes.reportId });
  if (claimed.length > 0) return null;
  return conflict(`report ${mutation.payload.reportId} was routed by a rule already; the first automatic route counts`);
}
