import {
  Button,
  Classes,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  InputGroup,
  Intent,
} from '@blueprintjs/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkNewCase, type CaseInputProblem, type NewCaseInput } from '../../../shared/model/case';
import { preferences } from '../../app/preferences';
import {
  checkPassphrase,
  emptyPassphrase,
  PassphraseFields,
  type PassphraseInput,
} from '../lock/PassphraseFields';
import type { PassphraseProblem } from '../lock/unlock-actions';

interface NewCaseDialogProps {
  isOpen: boolean;
  onClose: () => void;
  /** Creates the case encrypted under the chosen passphrase. */
  onCreate: (input: NewCaseInput, lock: PassphraseInput) => Promise<void>;
}

export function NewCaseDialog({ isOpen, onClose, onCreate }: NewCaseDialogProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<NewCaseInput>(() => ({
    title: '',
    registryNumber: '',
    investigator: preferences.investigator(),
  }));
  const [lock, setLock] = useState<PassphraseInput>(emptyPassphrase);
  const [problems, setProblems] = useState<CaseInputProblem[]>([]);
  const [lockProblem, setLockProblem] = useState<PassphraseProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const problemOf = (field: keyof NewCaseInput) => problems.find((problem) => problem.field === field);
  const messageOf = (field: keyof NewCaseInput) => {
    const problem = problemOf(field);
    return problem ? t(`newCase.errors.${field}.${problem.reason}`) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewCase(input);
    const passphrase = checkPassphrase(lock);
    setProblems(found);
    setLockProblem(passphrase);
    if (found.length > 0 || passphrase) return;
    setBusy(true);
    try {
      preferences.setInvestigator(input.investigator.trim());
      await onCreate(input, lock);
      setInput({ title: '', registryNumber: '', investigator: input.investigator });
      setLock(emptyPassphrase());
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof NewCaseInput, autoFocus = false) => (
    <FormGroup
      label={t(`newCase.${name === 'title' ? 'caseTitle' : name}`)}
      labelFor={`new-case-${name}`}
      helperText={messageOf(name) ?? t(`newCase.${name === 'title' ? 'caseTitle' : name}Help`)}
      intent={problemOf(name) ? Intent.DANGER : Intent.NONE}
    >
      <InputGroup
        id={`new-case-${name}`}
        autoFocus={autoFocus}
        value={input[name]}
        intent={problemOf(name) ? Intent.DANGER : Intent.NONE}
        onChange={(event) => setInput({ ...input, [name]: event.currentTarget.value })}
        inputMode={name === 'registryNumber' ? 'numeric' : 'text'}
      />
    </FormGroup>
  );

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('newCase.title')} icon="folder-new">
      <form onSubmit={submit}>
        <DialogBody>
          {field('title', true)}
          {field('registryNumber')}
          {field('investigator')}
          <fieldset className="mt-fieldset">
            <legend className="mt-section-title">{t('lock.newCaseSection')}</legend>
            <p className="mt-muted mt-small">{t('lock.newCaseExplain')}</p>
            <PassphraseFields
              value={lock}
              onChange={(next) => {
                setLock(next);
                setLockProblem(null); // said again on the next submit, not while the investigator corrects it
              }}
              problem={lockProblem}
            />
          </fieldset>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button onClick={onClose} className={Classes.MINIMAL}>
                {t('newCase.cancel')}
              </Button>
              <Button type="submit" intent={Intent.PRIMARY} loading={busy} data-testid="create-case">
                {t('newCase.create')}
              </Button>
            </>
          }
        />
      </form>
    </Dialog>
  );
}
