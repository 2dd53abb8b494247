import { useTranslation } from 'react-i18next';
import type { RequestSummaryView } from '../../../shared/api/request-views';
import { defang } from '../../ui/defang';

/** What a request is about, inline in a list: the indicator (defanged, never a link), a case, or a modus operandi. */
export function RequestSubject({ action }: { action: Pick<RequestSummaryView, 'indicatorType' | 'indicatorValue' | 'caseId'> }) {
  const { t } = useTranslation();
  if (action.indicatorType && action.indicatorValue) return <span className="mono evidence-inline">{defang(action.indicatorType, action.indicatorValue)}</span>;
  return <>{action.caseId ? t('requests.detail.case') : t('requests.warningSubject')}</>;
}
