import { Radio, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PURPOSE_MAX_LENGTH, checkPurpose } from '../../shared/audit/purpose';
import { useAppStore } from '../state/store-context';

/** The radio value of "anders: …" — no purpose on the list is empty. */
const OTHER = '';

/** What the officer chose: a purpose of the list, "anders" (OTHER) with their words, or nothing yet. */
export interface PurposeChoiceValue {
  choice: string | null;
  written: string;
}

/** The suggestion preselected: on the list as itself, else under "anders" in the officer's words. */
export const suggestedChoice = (suggested: string | null, purposes: readonly string[]): PurposeChoiceValue =>
  suggested === null ? { choice: null, written: '' } : purposes.includes(suggested) ? { choice: suggested, written: '' } : { choice: OTHER, written: suggested };

/** The purpose chosen as it will be logged, or the i18n key of what is wrong. */
export function chosenPurpose(value: PurposeChoiceValue): { ok: true; purpose: string } | { ok: false; problem: 'choose' | 'writeOne' | 'tooLong' } {
  if (value.choice === null) return { ok: false, problem: 'choose' };
  const checked = checkPurpose(value.choice === OTHER ? value.written : value.choice);
  if (checked.ok) return checked;
  return { ok: false, problem: value.written.trim() === '' ? 'writeOne' : 'tooLong' };
}

/** The configured list (loaded once) for a picker on screen; null until known. */
export function usePurposes(): string[] | null {
  const purposes = useAppStore((state) => state.purposes);
  const loadPurposes = useAppStore((state) => state.loadPurposes);
  useEffect(() => {
    if (purposes === null) void loadPurposes();
  }, [purposes, loadPurposes]);
  return purposes;
}

/**
 * A choice inside a larger form: it starts from the officer's last purpose for the report or its case (once the
 * list and that purpose are known) until they choose themselves.
 */
export function usePurposeChoice(reportId: string | null): { value: PurposeChoiceValue; setValue: (value: PurposeChoiceValue) => void; purposes: string[] | null } {
  const purposes = usePurposes();
  const lastPurposeFor = useAppStore((state) => state.lastPurposeFor);
  const [suggested, setSuggested] = useState<string | null>(null);
  const [value, setValue] = useState<PurposeChoiceValue | null>(null);
  useEffect(() => {
    let current = true;
    if (reportId !== null) void lastPurposeFor(reportId).then((purpose) => current && setSuggested(purpose));
    return () => {
      current = false;
    };
  }, [reportId, lastPurposeFor]);
  const start = purposes === null ? { choice: null, written: '' } : suggestedChoice(suggested, purposes);
  return { value: value ?? start, setValue, purposes };
}

export interface PurposeChoiceProps {
  purposes: readonly string[];
  value: PurposeChoiceValue;
  onChange: (value: PurposeChoiceValue) => void;
  /** Show what is wrong (after the officer tried to go ahead). */
  showProblem: boolean;
  /** Focus the first purpose when nothing is chosen yet (in a dialog that asks only this). */
  autoFocus?: boolean;
}

/** Why the officer consults personal data: one of the configured purposes, or "anders: …" in their own words. */
export function PurposeChoice({ purposes, value, onChange, showProblem, autoFocus = false }: PurposeChoiceProps) {
  const { t } = useTranslation();
  const chosen = chosenPurpose(value);
  const problem = chosen.ok ? null : t(`purpose.${chosen.problem}`, { max: PURPOSE_MAX_LENGTH });
  return (
    <>
      <Radio.Group
        label={t('purpose.label')}
        description={t('purpose.logged')}
        withAsterisk
        value={value.choice}
        onChange={(choice) => onChange({ ...value, choice })}
        error={showProblem && value.choice === null ? problem : undefined}
        data-testid="purpose-choice"
      >
        <Stack gap={6} mt="xs">
          {purposes.map((purpose, index) => (
            <Radio key={purpose} value={purpose} label={purpose} data-autofocus={autoFocus && value.choice === null && index === 0 ? true : undefined} />
          ))}
          <Radio value={OTHER} label={t('purpose.other')} data-testid="purpose-other" />
        </Stack>
      </Radio.Group>
      {value.choice === OTHER && (
        <TextInput
          label={t('purpose.otherLabel')}
          withAsterisk
          aria-required
          maxLength={PURPOSE_MAX_LENGTH}
          value={value.written}
          onChange={(event) => onChange({ ...value, written: event.currentTarget.value })}
          error={showProblem ? problem : undefined}
          data-testid="purpose-other-text"
        />
      )}
    </>
  );
}
