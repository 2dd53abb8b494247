import { useTranslation } from 'react-i18next';
import { labelFor } from '../i18n/label-for';
import { selectOfficerName } from '../state/session-selectors';
import { useAppStore } from '../state/store-context';

/** An officer id shown as the officer's name ("—" for nobody). */
export function OfficerName({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const name = useAppStore(selectOfficerName(id));
  return <>{name ?? t('common.nobody')}</>;
}

const SYSTEM = 'system:';

/** Who made an audit entry: an officer by name, the workstation's own processes (sync, import, retention) by what they are. */
export function ActorName({ id }: { id: string }) {
  const { t } = useTranslation();
  if (id.startsWith(SYSTEM)) return <>{labelFor(t, 'systemActor', id.slice(SYSTEM.length))}</>;
  return <OfficerName id={id} />;
}
