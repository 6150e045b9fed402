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

interface NewCaseDialogProps {
  isOpen: boolean;
  onClose: () => void;
  onCreate: (input: NewCaseInput) => Promise<void>;
}

export function NewCaseDialog({ isOpen, onClose, onCreate }: NewCaseDialogProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<NewCaseInput>(() => ({
    title: '',
    registryNumber: '',
    investigator: preferences.investigator(),
  }));
  const [problems, setProblems] = useState<CaseInputProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const problemOf = (field: keyof NewCaseInput) => problems.find((problem) => problem.field === field);
  const messageOf = (field: keyof NewCaseInput) => {
    const problem = problemOf(field);
    return problem ? t(`newCase.errors.${field}.${problem.reason}`) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewCase(input);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      preferences.setInvestigator(input.investigator.trim());
      await onCreate(input);
      setInput({ title: '', registryNumber: '', investigator: input.investigator });
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
