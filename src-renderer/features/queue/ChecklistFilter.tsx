import { Button, Checkbox, ComboboxChevron, Input, Popover, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChecklistOption<T extends string> {
  value: T;
  label: string;
}

interface ChecklistFilterProps<T extends string> {
  label: string;
  options: readonly ChecklistOption<T>[];
  value: readonly T[];
  onChange: (values: T[]) => void;
  width: number;
  'data-testid': string;
}

/**
 * A filter of several values: a button that says what is chosen, opening a list of checkboxes. Lighter than a
 * combobox, whose mount costs the first queue tens of milliseconds each; the list is only built when opened.
 */
export function ChecklistFilter<T extends string>({ label, options, value, onChange, width, 'data-testid': testId }: ChecklistFilterProps<T>) {
  const { t } = useTranslation();
  const labelId = useId();
  const chosen = options.filter((option) => value.includes(option.value));
  const summary = chosen.length === 0 ? t('common.all') : chosen.length === 1 ? chosen[0]!.label : t('queue.filters.chosen', { count: chosen.length });
  return (
    <Input.Wrapper label={label} labelProps={{ id: labelId }} size="sm" w={width}>
      <Popover position="bottom-start" shadow="md" trapFocus returnFocus>
        <Popover.Target>
          <Button
            variant="default"
            size="sm"
            fullWidth
            justify="space-between"
            fw={400}
            rightSection={<ComboboxChevron />}
            aria-labelledby={`${labelId} ${labelId}-value`}
            data-testid={testId}
          >
            <span id={`${labelId}-value`} className="checklist-summary">
              {summary}
            </span>
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Checkbox.Group
            value={[...value]}
            // The checkboxes carry exactly the options' values.
            onChange={(values) => onChange(options.filter((option) => values.includes(option.value)).map((option) => option.value))}
            label={label}
          >
            <Stack gap={6} mah={320} mt={6} className="checklist-options">
              {options.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} size="sm" />
              ))}
            </Stack>
          </Checkbox.Group>
        </Popover.Dropdown>
      </Popover>
    </Input.Wrapper>
  );
}
