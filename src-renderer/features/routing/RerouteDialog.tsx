import { Autocomplete, Select, SimpleGrid, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROUTE_PRIORITIES, type RouteExplanation, type RoutePriority } from '../../../shared/routing/rules';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { useOfficerOptions } from '../../state/use-officer-options';
import { isReasonGiven } from '../../ui/reason';
import { useTeamOptions } from './use-team-options';

interface RerouteDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Where the report is now: the form starts there. */
  current: RouteExplanation | null;
}

/** Supervisors: put the open report in another team (and with an officer) by hand, with a reason. */
export function RerouteDialog(props: RerouteDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={t('route.rerouteTitle')} size="lg">
      {props.opened && <RerouteForm {...props} />}
    </Dialog>
  );
}

function RerouteForm({ current, onClose }: RerouteDialogProps) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  const officers = useOfficerOptions();
  const rerouteReport = useAppStore((state) => state.rerouteReport);
  const [team, setTeam] = useState(current?.team ?? '');
  const [priority, setPriority] = useState<RoutePriority>(current?.priority ?? 'normal');
  const [assignee, setAssignee] = useState<string | null>(current?.assignee ?? null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const teamMissing = team.trim() === '';
  const reasonMissing = !isReasonGiven(reason);

  const submit = () => {
    setTouched(true);
    if (teamMissing || reasonMissing) return null;
    return rerouteReport({ team: team.trim(), priority, assignee, reason: reason.trim() });
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('route.rerouteConfirm')} submitTestId="reroute-submit" testId="reroute-form">
      <Text size="sm">{t('route.rerouteExplain')}</Text>
      <SimpleGrid cols={3} spacing="sm">
        <Autocomplete
          label={t('route.team')}
          withAsterisk
          data={teams}
          value={team}
          onChange={setTeam}
          error={touched && teamMissing ? t('route.teamRequired') : undefined}
          data-autofocus
          data-testid="reroute-team"
        />
        <Select
          label={t('route.priority')}
          data={ROUTE_PRIORITIES.map((value) => ({ value, label: t(`routePriority.${value}`) }))}
          value={priority}
          allowDeselect={false}
          onChange={(value) => value && setPriority(value)}
        />
        <Select label={t('route.assignee')} data={officers} value={assignee} onChange={setAssignee} clearable searchable placeholder={t('common.unassigned')} />
      </SimpleGrid>
      <Textarea
        label={t('common.reason')}
        withAsterisk
        aria-required
        autosize
        minRows={3}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={touched && reasonMissing ? t('common.reasonRequired') : undefined}
        data-testid="reroute-reason"
      />
    </DialogForm>
  );
}
