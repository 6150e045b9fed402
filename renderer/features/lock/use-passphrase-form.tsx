import { useState, type FormEvent } from 'react';
import { checkPassphrase, emptyPassphrase, PassphraseFields, type PassphraseInput } from './PassphraseFields';
import type { PassphraseProblem } from './unlock-actions';

/**
 * The part every "choose a passphrase" dialog shares (new lock for an imported case file, "Set a
 * passphrase", "Change passphrase"): the fields, checked on submit and not while typing, the busy
 * flag, and the failure to show. `run` gets the checked input; what it throws is shown through
 * `failureText`, and it may set a failure itself and return (a keychain problem after success).
 */
export function usePassphraseForm(
  run: (input: PassphraseInput, setFailure: (text: string) => void) => Promise<void>,
  failureText: (error: unknown) => string,
) {
  const [input, setInput] = useState<PassphraseInput>(emptyPassphrase);
  const [problem, setProblem] = useState<PassphraseProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkPassphrase(input);
    setProblem(found);
    if (found) return;
    setBusy(true);
    setFailure(null);
    try {
      await run(input, setFailure);
      setInput(emptyPassphrase());
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const fields = (autoFocus = false, offerRemember = true) => (
    <PassphraseFields
      value={input}
      onChange={(next) => {
        setInput(next);
        setProblem(null); // said again on the next submit, not while the investigator corrects it
      }}
      problem={problem}
      autoFocus={autoFocus}
      offerRemember={offerRemember}
    />
  );

  return { submit, busy, failure, fields };
}
