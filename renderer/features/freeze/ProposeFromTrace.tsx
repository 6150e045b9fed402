import { Button, Callout, ControlGroup, NumericInput } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LEGAL_BASIS, proposalsFromTrace, type Proposal } from '../../../shared/freeze';
import type { TraceJson, TraceRequest } from '../../../shared/investigate';
import { freezeRequests } from '../../db';
import { useWorkspaceNav } from '../workspace/workspace-nav';

/**
 * "Propose for freezing": the top candidates of this trace go into the case's freeze register
 * with the trace's amounts and rows, remembering the trace so the packet can re-run it.
 */
export function ProposeFromTrace({
  caseId,
  json,
  request,
}: {
  caseId: string;
  json: TraceJson;
  request: TraceRequest;
}) {
  const { t, i18n } = useTranslation();
  const nav = useWorkspaceNav();
  const [top, setTop] = useState(10);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);

  const propose = async () => {
    setBusy(true);
    setError(null);
    try {
      const existing = await freezeRequests.list(caseId);
      const { from, direction, method, maxHops, minAmount, since, until, stopAtKeys, continueThroughKeys } =
        request;
      const origin = {
        from,
        direction: direction ?? 'down',
        method: method ?? 'pro-rata',
        ...(maxHops !== undefined ? { maxHops } : {}),
        ...(minAmount !== undefined ? { minAmount } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(stopAtKeys ? { stopAtKeys } : {}),
        ...(continueThroughKeys ? { continueThroughKeys } : {}),
      };
      const proposal = proposalsFromTrace(json, origin, {
        top,
        legalBasis: i18n.language === 'kk' ? DEFAULT_LEGAL_BASIS.kk : DEFAULT_LEGAL_BASIS.ru,
        existing,
        actor: nav.actor,
        at: Date.now(),
        newId: () => crypto.randomUUID(),
      });
      await freezeRequests.propose(caseId, proposal.proposed, nav.actor);
      setDone(proposal);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="mt-propose" data-testid="freeze-propose">
      <ControlGroup>
        <Button
          icon="snowflake"
          intent="primary"
          loading={busy}
          onClick={propose}
          data-testid="freeze-propose-button"
        >
          {t('freeze.propose.button', { count: Math.min(top, json.freezeCandidates.length) })}
        </Button>
        <NumericInput
          min={1}
          max={500}
          value={top}
          onValueChange={(n) => setTop(Number.isFinite(n) ? Math.max(1, Math.min(500, Math.round(n))) : 10)}
          style={{ width: 64 }}
          aria-label={t('freeze.propose.top')}
          data-testid="freeze-propose-top"
        />
      </ControlGroup>
      {done ? (
        <Callout intent="success" compact className="mt-gap" data-testid="freeze-proposed">
          {t('freeze.propose.done', { count: done.proposed.length })}{' '}
          {done.skipped.length > 0
            ? t('freeze.propose.skipped', {
                count: done.skipped.length,
                reasons: [...new Set(done.skipped.map((s) => t(`freeze.propose.reason.${s.reason}`)))].join(
                  ', ',
                ),
              })
            : ''}{' '}
          <Button small minimal icon="arrow-right" onClick={nav.openFreeze} data-testid="freeze-open-tab">
            {t('freeze.propose.open')}
          </Button>
        </Callout>
      ) : null}
      {error ? (
        <Callout intent="danger" compact className="mt-gap">
          {error}
        </Callout>
      ) : null}
    </div>
  );
}
