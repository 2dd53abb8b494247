import { Button, Group, Progress, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStateView } from '../../../shared/api/views';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { formatCount, formatDateTime, formatTime } from '../../ui/format';
import { WarningIcon } from '../../ui/icons';
import { ConflictList } from './ConflictList';

type Connection = 'online' | 'offline' | 'notConfigured';

const connectionOf = (state: SyncStateView): Connection => (!state.configured ? 'notConfigured' : state.online ? 'online' : 'offline');

function InitialSyncProgress({ initial }: { initial: SyncStateView['initialSync'] }) {
  const { t } = useTranslation();
  const percent = initial.total ? Math.min(100, (initial.received / initial.total) * 100) : null;
  const text =
    initial.total !== null
      ? t('sync.initial', { received: formatCount(initial.received), total: formatCount(initial.total) })
      : t('sync.initialUnknown', { received: formatCount(initial.received) });
  return (
    <Group gap="xs" wrap="nowrap" data-testid="sync-initial">
      <Text size="xs">{text}</Text>
      {percent !== null && <Progress value={percent} w={140} size="sm" aria-label={text} />}
    </Group>
  );
}

/** Always visible at the bottom: is this workstation in touch with the hub, and is any of my work waiting or overridden. */
export function SyncStatusBar() {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.syncState);
  const conflicts = useAppStore((s) => s.conflicts);
  const loadConflicts = useAppStore((s) => s.loadConflicts);
  const [showConflicts, setShowConflicts] = useState(false);

  if (!state) {
    return (
      <footer className="status-bar" data-testid="sync-status" aria-label={t('sync.label')}>
        <Text size="xs">{t('common.loading')}</Text>
      </footer>
    );
  }

  const connection = connectionOf(state);
  return (
    <footer className="status-bar" data-testid="sync-status" data-connection={connection} aria-label={t('sync.label')}>
      <Group gap="lg" wrap="nowrap">
        <Group gap={6} wrap="nowrap" role="status" data-testid="sync-connection">
          <span className={`status-dot ${connection}`} aria-hidden="true" />
          <Text size="xs" fw={600}>
            {t(`sync.${connection}`)}
          </Text>
        </Group>
        {state.configured && (
          <Text size="xs" data-testid="sync-last">
            {state.lastSyncAt ? (
              <span title={formatDateTime(state.lastSyncAt)}>{t('sync.lastSync', { time: formatTime(state.lastSyncAt) })}</span>
            ) : (
              t('sync.never')
            )}
          </Text>
        )}
        <Text size="xs" data-testid="sync-pending">
          {t('sync.pending', { count: state.pendingOutbox, formatted: formatCount(state.pendingOutbox) })}
        </Text>
        {state.initialSync.active && <InitialSyncProgress initial={state.initialSync} />}
        {state.lastError && (
          <Tooltip label={state.lastError} multiline w={360} withArrow>
            <Group gap={4} wrap="nowrap" tabIndex={0} className="status-error" aria-label={t('sync.error', { message: state.lastError })}>
              <WarningIcon />
              <Text size="xs">{t('sync.errorShort')}</Text>
            </Group>
          </Tooltip>
        )}
      </Group>
      <Button
        size="compact-xs"
        variant={state.conflicts > 0 ? 'light' : 'subtle'}
        color={state.conflicts > 0 ? 'warn' : 'dark'}
        onClick={() => {
          setShowConflicts(true);
          void loadConflicts();
        }}
        data-testid="sync-conflicts-button"
      >
        {t('sync.conflicts', { count: state.conflicts })}
      </Button>
      <Dialog opened={showConflicts} onClose={() => setShowConflicts(false)} title={t('sync.conflictsTitle')} size="xl">
        <ConflictList conflicts={conflicts} />
      </Dialog>
    </footer>
  );
}
