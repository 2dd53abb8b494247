import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { WORK_STATUSES } from '../../../shared/mutations/kinds';
import { useAppStore } from '../../state/store-context';
import { formatCount } from '../../ui/format';
import { selectMyId } from '../../state/session-selectors';
import { SELECTION_CAP } from './queue-slice';
import { Slot } from '../../ui/slots';

type Dialog = 'createCase' | 'addToCase' | null;

/** What can be done with the selected reports at once. Shown only while something is selected. */
export function BulkActionBar() {
  const { t } = useTranslation();
  const selection = useAppStore(useShallow((state) => [...state.queueSelection]));
  const capped = useAppStore((state) => state.queueSelectionCapped);
  const officers = useAppStore((state) => state.officers);
  const myId = useAppStore(selectMyId);
  const assignSelected = useAppStore((state) => state.assignSelected);
  const setSelectedWorkStatus = useAppStore((state) => state.setSelectedWorkStatus);
  const clearQueueSelection = useAppStore((state) => state.clearQueueSelection);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (selection.length === 0) return null;

  return (
    <Paper withBorder p="xs" radius="sm" className="bulk-bar" data-testid="bulk-actions" role="region" aria-label={t('queue.bulk.label')}>
      <Group gap="sm" wrap="wrap">
        <Text fw={600} size="sm" aria-live="polite">
          {t('queue.bulk.selected', { count: selection.length, formatted: formatCount(selection.length) })}
        </Text>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" data-testid="bulk-assign">
              {t('queue.bulk.assign')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
            {myId && <Menu.Item onClick={() => void assignSelected(myId)}>{t('queue.bulk.assignMe')}</Menu.Item>}
            {officers
              .filter((officer) => officer.id !== myId)
              .map((officer) => (
                <Menu.Item key={officer.id} onClick={() => void assignSelected(officer.id)}>
                  {officer.displayName}
                </Menu.Item>
              ))}
            <Menu.Divider />
            <Menu.Item onClick={() => void assignSelected(null)}>{t('queue.bulk.unassign')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="compact-sm" variant="default" data-testid="bulk-status">
              {t('queue.bulk.status')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {WORK_STATUSES.map((status) => (
              <Menu.Item key={status} onClick={() => void setSelectedWorkStatus(status)}>
                {t(`workStatus.${status}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Button size="compact-sm" variant="default" onClick={() => setDialog('createCase')} data-testid="bulk-create-case">
          {t('queue.bulk.createCase')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => setDialog('addToCase')} data-testid="bulk-add-to-case">
          {t('queue.bulk.addToCase')}
        </Button>
        <Button size="compact-sm" variant="subtle" onClick={clearQueueSelection}>
          {t('queue.bulk.clear')}
        </Button>
        {capped && (
          <Text size="sm" c="warn">
            {t('queue.bulk.capped', { cap: formatCount(SELECTION_CAP) })}
          </Text>
        )}
      </Group>
      <Slot
        name="createCase"
        opened={dialog === 'createCase'}
        onClose={() => setDialog(null)}
        reportIds={selection}
        origin={t('cases.create.fromSelection', { count: selection.length })}
      />
      <Slot name="addToCase" opened={dialog === 'addToCase'} onClose={() => setDialog(null)} reportIds={selection} />
    </Paper>
  );
}
