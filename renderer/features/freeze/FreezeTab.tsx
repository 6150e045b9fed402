import { Button, ButtonGroup, NonIdealState } from '@blueprintjs/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { freezeTotals, NEXT_STATUSES, type FreezeRequest } from '../../../shared/freeze';
import { freezeRequests } from '../../db';
import { useLockVersion } from '../lock/case-locks';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { FreezeRegisterTable } from './FreezeRegisterTable';
import { FreezeTotalsBar, InstitutionTotals } from './FreezeTotalsBar';
import { PacketButtons } from './PacketButtons';
import { StepDialog, type StepKind } from './StepDialog';

const STEPS: StepKind[] = ['approved', 'request-sent', 'frozen', 'refused', 'released'];
/** Steps that need one request's own facts (its frozen amount, its edited figure). */
const ONE_AT_A_TIME = new Set<StepKind>(['frozen', 'edit']);

/** The freeze register: what is sought where, how far each request has gone, and the packet. */
export function FreezeTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const nav = useWorkspaceNav();
  const lockVersion = useLockVersion();
  const requests = useLiveQuery(() => freezeRequests.list(caseId), [caseId, lockVersion]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<StepKind | null>(null);
  const totals = useMemo(() => freezeTotals(requests ?? []), [requests]);
  if (!requests) return null;

  const chosen = requests.filter((r) => selected.has(r.id));
  const allowed = (kind: StepKind) => {
    if (chosen.length === 0 || (ONE_AT_A_TIME.has(kind) && chosen.length !== 1)) return false;
    if (kind === 'edit') return chosen[0]?.status === 'proposed';
    return chosen.every((r) => NEXT_STATUSES[r.status].includes(kind));
  };

  if (requests.length === 0) {
    return (
      <div className="mt-tab-empty" data-testid="empty-freeze">
        <NonIdealState
          icon="snowflake"
          title={t('empty.freeze.title')}
          description={t('empty.freeze.description')}
          action={<PacketButtons caseId={caseId} requests={requests} />}
        />
      </div>
    );
  }
  return (
    <div className="mt-tab-panel mt-freeze" data-testid="freeze-tab">
      <div className="mt-freeze-head">
        <FreezeTotalsBar totals={totals} />
        <PacketButtons caseId={caseId} requests={requests} />
      </div>
      <InstitutionTotals totals={totals} />
      <div className="mt-freeze-actions" data-testid="freeze-actions">
        <span className="mt-muted">{t('freeze.selected', { count: chosen.length })}</span>
        <ButtonGroup>
          {STEPS.map((kind) => (
            <Button
              key={kind}
              disabled={!allowed(kind)}
              onClick={() => setDialog(kind)}
              data-testid={`freeze-step-${kind}`}
            >
              {t(`freeze.steps.${kind}.button`)}
            </Button>
          ))}
        </ButtonGroup>
        <Button
          icon="edit"
          disabled={!allowed('edit')}
          onClick={() => setDialog('edit')}
          data-testid="freeze-step-edit"
        >
          {t('freeze.steps.edit.button')}
        </Button>
      </div>
      <FreezeRegisterTable requests={requests} selected={selected} onSelect={setSelected} />
      {dialog ? (
        <StepDialog
          caseId={caseId}
          actor={nav.actor}
          kind={dialog}
          requests={chosen as FreezeRequest[]}
          onClose={(done) => {
            setDialog(null);
            // A recorded move ends the selection: the next move is usually for other assets.
            if (done) setSelected(new Set());
          }}
        />
      ) : null}
    </div>
  );
}
