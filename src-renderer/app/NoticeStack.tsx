import { Notification } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/store-context';
import type { Notice } from './notice-slice';

function NoticeText({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const text = (t as unknown as (key: string, values?: Record<string, unknown>) => string)(`notices.${notice.key}`, notice.values);
  return <>{text}</>;
}

/** Results of actions: successes fade, errors stay until dismissed. Announced politely / assertively. */
export function NoticeStack() {
  const { t } = useTranslation();
  const notices = useAppStore((state) => state.notices);
  const dismissNotice = useAppStore((state) => state.dismissNotice);
  return (
    <div className="notice-stack" aria-live="polite" data-testid="notices">
      {notices.map((notice) => (
        <Notification
          key={notice.id}
          color={notice.tone === 'error' ? 'red' : 'green'}
          title={notice.tone === 'error' ? t('notices.errorTitle') : undefined}
          onClose={() => dismissNotice(notice.id)}
          closeButtonProps={{ 'aria-label': t('notices.dismiss') }}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          withBorder
        >
          <NoticeText notice={notice} />
          {notice.error && <span className="notice-detail">{notice.error.message}</span>}
        </Notification>
      ))}
    </div>
  );
}
