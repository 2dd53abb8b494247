import { useTranslation } from 'react-i18next';
import { FactList } from '../../ui/FactList';
import { Section } from '../../ui/Section';

export function RemoteAccessSection({ tool, id }: { tool: string | null; id: string | null }) {
  const { t } = useTranslation();
  return (
    <Section title={t('report.remoteAccess.title')} testId="report-remote-access">
      <FactList
        facts={[
          { label: t('report.remoteAccess.tool'), value: tool },
          { label: t('report.remoteAccess.id'), value: id && <span className="mono">{id}</span> },
        ]}
      />
    </Section>
  );
}
