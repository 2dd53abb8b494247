import type { ApiErrorBody } from '../../shared/api/result';
import type { SliceCreator } from '../state/slice';

export interface Notice {
  id: number;
  tone: 'success' | 'error';
  /** An i18n key under `notices.` */
  key: string;
  values?: Record<string, string | number>;
  /** For errors: the message the main process gave, shown as detail. */
  error?: ApiErrorBody;
}

export interface NoticeSlice {
  notices: Notice[];
  notify: (notice: Omit<Notice, 'id'>) => void;
  notifyError: (key: string, error: ApiErrorBody) => void;
  dismissNotice: (id: number) => void;
}

const SUCCESS_VISIBLE_MS = 5000;
const MAX_NOTICES = 4;

export const createNoticeSlice: SliceCreator<NoticeSlice> = () => (set, get) => {
  let nextId = 1;
  return {
    notices: [],
    notify: (notice) => {
      const id = nextId++;
      set({ notices: [...get().notices, { ...notice, id }].slice(-MAX_NOTICES) });
      // Errors stay until dismissed: an officer must not miss that a change was not saved.
      if (notice.tone === 'success') setTimeout(() => get().dismissNotice(id), SUCCESS_VISIBLE_MS);
    },
    notifyError: (key, error) => get().notify({ tone: 'error', key, error }),
    dismissNotice: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
  };
};
