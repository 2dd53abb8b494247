import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../shared/api/result';
import { WarningIcon } from './icons';

/** An API error as a calm alert: what happened in the officer's language, the technical message below. */
export function ErrorAlert({ error, onRetry }: { error: ApiErrorBody; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t(`errors.${error.code}`)} icon={<WarningIcon />} role="alert">
      {error.message}
      {onRetry && (
        <Button size="xs" variant="light" color="red" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
