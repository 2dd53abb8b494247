import { useState, type FormEvent } from 'react';

/**
 * A form's submit handling: `run` checks the form and starts its action, or returns null when the form is not
 * ready (nothing runs). While the action runs the form is busy; `onDone` follows when it resolves true.
 */
export function useFormSubmit(run: () => Promise<boolean> | null, onDone?: () => void) {
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const action = run();
    if (!action) return;
    setBusy(true);
    const done = await action;
    setBusy(false);
    if (done) onDone?.();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };

  return { busy, onSubmit };
}
