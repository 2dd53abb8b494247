import { useTranslation } from 'react-i18next';
import { labelFor } from '../i18n/label-for';
import { selectOfficerName } from '../state/session-selectors';
import { useAppStore } from '../state/store-context';

const SYSTEM = 'system:';

/**
 * An officer id shown as the officer's name ("—" for nobody); the workstation's own processes (sync, import,
 * retention, the shipped defaults) by what they are.
 */
export function OfficerName({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const name = useAppStore(selectOfficerName(id));
  if (id?.startsWith(SYSTEM)) return <>{labelFor(t, 'systemActor', id.slice(SYSTEM.length), id)}</>;
  return <>{name ?? t('common.nobody')}</>;
}
