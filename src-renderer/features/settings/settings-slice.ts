import type { ApiErrorBody } from '../../../shared/api/result';
import type { SettingsView } from '../../../shared/api/views';
import type { SliceCreator } from '../../state/slice';

export type Language = SettingsView['language'];

export interface HubChanges {
  hubUrl: string | null;
  scope: string;
  /** Undefined keeps it; null: the system's certificate authorities only. */
  hubCaFile?: string | null;
  /** Undefined keeps the stored token; null removes it. The token is never read back. */
  hubToken?: string | null;
}

export interface SettingsSlice {
  settings: SettingsView | null;
  settingsError: ApiErrorBody | null;
  /** The language the UI shows; follows the settings once they are loaded. */
  language: Language;
  loadSettings: () => Promise<void>;
  saveHubSettings: (changes: HubChanges) => Promise<boolean>;
  setLanguage: (language: Language) => Promise<void>;
  /** Minutes without keyboard or mouse after which the screen locks; the lock timer follows at once. */
  setIdleLockMinutes: (minutes: number) => Promise<boolean>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (api) => (set, get) => ({
  settings: null,
  settingsError: null,
  language: 'nl',

  loadSettings: async () => {
    const result = await api.call('settings.get', {});
    set(result.ok ? { settings: result.value, language: result.value.language, settingsError: null } : { settingsError: result.error });
  },

  saveHubSettings: async (changes) => {
    const result = await api.call('settings.set', changes);
    if (!result.ok) {
      get().notifyError('settingsFailed', result.error);
      return false;
    }
    set({ settings: result.value });
    get().notify({ tone: 'success', key: 'settingsSaved' });
    return true;
  },

  setLanguage: async (language) => {
    set({ language });
    const result = await api.call('settings.set', { language });
    if (result.ok) set({ settings: result.value });
    else get().notifyError('settingsFailed', result.error);
  },

  setIdleLockMinutes: async (idleLockMinutes) => {
    const result = await api.call('settings.set', { idleLockMinutes });
    if (!result.ok) {
      get().notifyError('settingsFailed', result.error);
      return false;
    }
    set({ settings: result.value });
    const session = get().session;
    if (session) set({ session: { ...session, idleLockMinutes: result.value.idleLockMinutes } });
    get().notify({ tone: 'success', key: 'settingsSaved' });
    return true;
  },
});
