import { useTranslation } from 'react-i18next';
import { selectOfficerName } from '../state/session-selectors';
import { useAppStore } from '../state/store-context';

/** An officer id shown as the officer's name ("—" for nobody). */
export function OfficerName({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const name = useAppStore(selectOfficerName(id));
  return <>{name ?? t('common.nobody')}</>;
}
