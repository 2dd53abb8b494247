import { z } from 'zod';
import type { SeenElsewhereResponse } from '../../shared/hub/protocol';
import { INDICATOR_TYPES } from '../../shared/indicators/types';
import { HubUnavailableError } from './hub-errors';

const seenElsewhereSchema = z.object({
  type: z.enum(INDICATOR_TYPES),
  value: z.string(),
  total: z.number().int().min(0),
  regions: z.array(z.object({ region: z.string().max(200).nullable(), reports: z.number().int().min(0) })).max(1000),
});

/** `GET /v1/indicators/elsewhere`: counts only; anything else in the answer is dropped. */
export function parseSeenElsewhere(value: unknown): SeenElsewhereResponse {
  const parsed = seenElsewhereSchema.safeParse(value);
  if (!parsed.success) throw new HubUnavailableError('the hub sent a malformed "seen elsewhere" answer');
  return parsed.data;
}
