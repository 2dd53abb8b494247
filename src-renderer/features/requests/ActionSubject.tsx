import { useTranslation } from 'react-i18next';
import type { ActionSummaryView } from '../../../shared/api/action-views';
import { defang } from '../../ui/defang';

/** What a request is about, inline in a list: the indicator (defanged, never a link), a case, or a modus operandi. */
export function ActionSubject({ action }: { action: Pick<ActionSummaryView, 'indicatorType' | 'indicatorValue' | 'caseId'> }) {
  const { t } = useTranslation();
  if (action.indicatorType && action.indicatorValue) return <span className="mono evidence-inline">{defang(action.indicatorType, action.indicatorValue)}</span>;
  return <>{action.caseId ? t('actions.detail.case') : t('actions.warningSubject')}</>;
}
