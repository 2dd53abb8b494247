import type { ApiErrorBody } from '../../../shared/api/result';
import type { OfficerView, SessionView } from '../../../shared/api/views';
import type { SliceCreator } from '../../store/slice';

export interface SessionSlice {
  session: SessionView | null;
  officers: OfficerView[];
  sessionError: ApiErrorBody | null;
  loadSession: () => Promise<void>;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (api) => (set) => ({
  session: null,
  officers: [],
  sessionError: null,
  loadSession: async () => {
    const [session, officers] = await Promise.all([api.call('session.get', {}), api.call('officers.list', {})]);
    if (!session.ok) return set({ sessionError: session.error });
    set({ session: session.value, officers: officers.ok ? officers.value : [session.value.officer], sessionError: null });
  },
});
