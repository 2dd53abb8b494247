import { Alert, Autocomplete, Fieldset, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INDICATOR_TYPES } from '../../../shared/indicators/types';
import { CATEGORIES } from '../../../shared/intake/vocabulary';
import { ROUTE_ASSIGNMENTS, ROUTE_PRIORITIES, type RoutingRule, type RoutingRuleView } from '../../../shared/routing/rules';
import { useAppStore } from '../../state/store-context';
import { Dialog } from '../../ui/Dialog';
import { DialogForm } from '../../ui/DialogForm';
import { useCheckedForm } from '../../ui/use-checked-form';
import { emptyRuleForm, formOfRule, ruleOfForm, type RuleForm, type RuleFormField } from './rule-form';
import { useTeamOptions } from './use-team-options';

export interface RuleFormDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The rule being edited; absent for a new one. */
  rule?: RoutingRuleView;
  /** Where a new rule goes: after the last one. */
  nextPosition: number;
}

const numberOrEmpty = (value: string | number): number | '' => (typeof value === 'number' ? value : '');

/** Adding or editing a routing rule: conditions, then team, priority and assignment. */
export function RuleFormDialog(props: RuleFormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog opened={props.opened} onClose={props.onClose} title={props.rule ? t('routing.form.titleEdit') : t('routing.form.titleNew')} size="xl">
      {props.opened && <RuleEditor {...props} />}
    </Dialog>
  );
}

function ConditionFields({ form, change, error }: { form: RuleForm; change: (patch: Partial<RuleForm>) => void; error: (field: RuleFormField) => string | undefined }) {
  const { t } = useTranslation();
  const regions = useAppStore((state) => state.queueRegions);
  return (
    <Fieldset legend={t('routing.form.conditions')}>
      <Stack gap="sm">
        <MultiSelect
          label={t('routing.form.categories')}
          description={t('routing.form.conditionsHelp')}
          data={CATEGORIES.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
          value={form.categories}
          onChange={(values) => change({ categories: values })}
          clearable
          searchable
          data-testid="rule-categories"
        />
        <TagsInput
          label={t('routing.form.regions')}
          description={t('routing.form.regionsHelp')}
          data={regions}
          value={form.regions}
          onChange={(values) => change({ regions: values })}
          clearable
        />
        <SimpleGrid cols={2} spacing="sm">
          <MultiSelect
            label={t('routing.form.reporterTypes')}
            data={(['person', 'organisation'] as const).map((type) => ({ value: type, label: t(`report.reporter.types.${type}`) }))}
            value={form.reporterTypes}
            onChange={(values) => change({ reporterTypes: values })}
            clearable
          />
          <MultiSelect
            label={t('routing.form.indicatorTypes')}
            data={INDICATOR_TYPES.map((type) => ({ value: type, label: t(`indicatorType.${type}`) }))}
            value={form.indicatorTypes}
            onChange={(values) => change({ indicatorTypes: values })}
            clearable
          />
          <NumberInput
            label={t('routing.form.minLoss')}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            value={form.minLossEuros}
            onChange={(value) => change({ minLossEuros: numberOrEmpty(value) })}
            error={error('minLoss')}
            data-testid="rule-min-loss"
          />
          <NumberInput
            label={t('routing.form.maxLoss')}
            min={0}
            decimalScale={2}
            decimalSeparator=","
            thousandSeparator="."
            value={form.maxLossEuros}
            onChange={(value) => change({ maxLossEuros: numberOrEmpty(value) })}
            error={error('maxLoss')}
            data-testid="rule-max-loss"
          />
          <NumberInput
            label={t('routing.form.minClusterSize')}
            min={1}
            allowDecimal={false}
            value={form.minClusterSize}
            onChange={(value) => change({ minClusterSize: numberOrEmpty(value) })}
            error={error('minClusterSize')}
          />
          <Select
            label={t('routing.form.clusterHasOwner')}
            data={[
              { value: 'any', label: t('routing.form.clusterOwnerAny') },
              { value: 'yes', label: t('routing.form.clusterOwnerYes') },
              { value: 'no', label: t('routing.form.clusterOwnerNo') },
            ]}
            value={form.clusterHasOwner}
            allowDeselect={false}
            onChange={(value) => value && change({ clusterHasOwner: value })}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}

function OutcomeFields({ form, change, error }: { form: RuleForm; change: (patch: Partial<RuleForm>) => void; error: (field: RuleFormField) => string | undefined }) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  return (
    <Fieldset legend={t('routing.form.outcome')}>
      <SimpleGrid cols={3} spacing="sm">
        <Autocomplete
          label={t('routing.form.team')}
          description={t('routing.form.teamHelp')}
          data={teams}
          value={form.team}
          onChange={(team) => change({ team })}
          error={error('team')}
          data-testid="rule-team"
        />
        <Select
          label={t('routing.form.priority')}
          data={ROUTE_PRIORITIES.map((priority) => ({ value: priority, label: t(`routePriority.${priority}`) }))}
          value={form.priority}
          allowDeselect={false}
          onChange={(value) => value && change({ priority: value })}
        />
        <Select
          label={t('routing.form.assign')}
          data={ROUTE_ASSIGNMENTS.map((assign) => ({ value: assign, label: t(`routeAssign.${assign}`) }))}
          value={form.assign}
          allowDeselect={false}
          onChange={(value) => value && change({ assign: value })}
          data-testid="rule-assign"
        />
      </SimpleGrid>
    </Fieldset>
  );
}

function RuleEditor({ rule, nextPosition, onClose }: RuleFormDialogProps) {
  const { t } = useTranslation();
  const putRoutingRule = useAppStore((state) => state.putRoutingRule);
  const { form, change, error, hasError, checked } = useCheckedForm<RuleForm, RuleFormField, { rule: RoutingRule }>(
    () => (rule ? formOfRule(rule) : emptyRuleForm(nextPosition)),
    ruleOfForm,
    (field) => t(`routing.form.errors.${field}`),
  );

  const submit = () => {
    const valid = checked();
    return valid && putRoutingRule(rule?.id, valid.rule);
  };

  return (
    <DialogForm onSubmit={submit} onClose={onClose} submitLabel={t('common.save')} submitTestId="rule-save" testId="rule-form" gap="md">
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t('routing.form.name')}
          withAsterisk
          aria-required
          data-autofocus
          value={form.name}
          onChange={(event) => change({ name: event.currentTarget.value })}
          error={error('name')}
          data-testid="rule-name"
        />
        <NumberInput
          label={t('routing.form.position')}
          description={t('routing.form.positionHelp')}
          min={0}
          allowDecimal={false}
          value={form.position}
          onChange={(value) => change({ position: numberOrEmpty(value) })}
          error={error('position')}
          data-testid="rule-position"
        />
        <Switch label={t('routing.form.enabled')} checked={form.enabled} onChange={(event) => change({ enabled: event.currentTarget.checked })} mt="lg" />
      </SimpleGrid>
      <ConditionFields form={form} change={change} error={error} />
      <OutcomeFields form={form} change={change} error={error} />
      {hasError('invalid') && (
        <Alert color="red" variant="light">
          {t('routing.form.errors.invalid')}
        </Alert>
      )}
    </DialogForm>
  );
}
