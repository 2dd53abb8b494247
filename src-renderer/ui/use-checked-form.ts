import { useState } from 'react';

/** What a form's check gives: the value to save, or the fields that are wrong. */
export type FormCheck<Field extends string, Valid> = Valid | { errors: Field[] };

const failed = <Field extends string, Valid>(result: FormCheck<Field, Valid>): result is { errors: Field[] } =>
  typeof result === 'object' && result !== null && 'errors' in result;

/**
 * A form's values and the errors of its last check: `error(field)` is the text under a wrong field (from
 * `describeError`), `checked()` the value to save, or null after showing what is wrong.
 */
export function useCheckedForm<Form, Field extends string, Valid>(initial: () => Form, check: (form: Form) => FormCheck<Field, Valid>, describeError: (field: Field) => string) {
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Field[]>([]);
  return {
    form,
    change: (patch: Partial<Form>) => setForm((current) => ({ ...current, ...patch })),
    hasError: (field: Field) => errors.includes(field),
    error: (field: Field) => (errors.includes(field) ? describeError(field) : undefined),
    checked: (): Valid | null => {
      const result = check(form);
      setErrors(failed(result) ? result.errors : []);
      return failed(result) ? null : result;
    },
  };
}
