import { Button, Callout, NonIdealState, Spinner, Tab, Tabs, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/use-format';
import { traces } from '../../db';
import type { TraceRequest } from '../../../shared/investigate';
import { ProposeFromTrace } from '../freeze/ProposeFromTrace';
import { useWorkspaceNav } from '../workspace/workspace-nav';
import { FlowPictureView } from './FlowPictureView';
import { PathsPanel } from './PathsPanel';
import { PatternThresholds } from './PatternThresholds';
import { ReachedTable } from './ReachedTable';
import { CandidateList, MethodComparison, PatternList } from './ResultLists';
import { DEFAULT_FORM, toRequest, TraceForm, type TraceFormValue } from './TraceForm';
import { useTraceWorker } from './use-trace-worker';

/** Follow the money from a seed: bounds on the left, the flow picture and the places it reached on the right. */
export function TraceTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  const { state, outcome, run } = useTraceWorker(caseId);
  const [form, setForm] = useState<TraceFormValue>(() =>
    nav.pendingTrace ? { ...DEFAULT_FORM, seeds: [nav.pendingTrace] } : DEFAULT_FORM,
  );
  const [selected, setSelected] = useState<number | null>(null);
  const [view, setView] = useState('places');
  // The request behind the result on screen: proposing for freezing records it as the origin.
  const [ranRequest, setRanRequest] = useState<TraceRequest | null>(null);
  const ran = outcome.run?.json;
  // Every run that produced a result goes into the case's audit log with its parameters.
  useEffect(() => {
    if (!ran) return;
    void traces.record(caseId, nav.actor, {
      seeds: ran.seed.map((s) => `${s.kind}:${s.value}`),
      direction: ran.direction,
      method: ran.method,
      maxHops: ran.parameters.maxHops,
      ...(ran.parameters.minAmountMinor ? { minAmountMinor: ran.parameters.minAmountMinor } : {}),
      currency: ran.currency,
      entered: ran.entered,
      reached: ran.reached.length,
      candidates: ran.freezeCandidates.length,
    });
  }, [ran, caseId, nav.actor]);

  if (state.status === 'loading') {
    return (
      <div className="mt-tab-empty">
        <NonIdealState icon={<Spinner size={32} />} title={t('trace.loading')} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="mt-tab-panel">
        <Callout intent="danger" title={t('trace.loadFailed')}>
          {state.message}
        </Callout>
      </div>
    );
  }
  if (state.facts.transfers === 0) {
    return (
      <div className="mt-tab-empty" data-testid="empty-trace">
        <NonIdealState
          icon="flows"
          title={t('empty.trace.title')}
          description={t('empty.trace.description')}
        />
      </div>
    );
  }

  const start = () => {
    setSelected(null);
    const request = toRequest(form);
    setRanRequest(request);
    run(request, form.compare);
  };
  const json = outcome.run?.json;
  const current = json && selected !== null ? json.reached[selected] : undefined;

  return (
    <div className="mt-trace">
      <TraceForm
        value={form}
        onChange={setForm}
        onRun={start}
        running={outcome.running}
        facts={state.facts}
        badSeeds={outcome.error?.seeds ?? []}
      />
      <section className="mt-trace-results" data-testid="trace-results">
        {outcome.error ? (
          <Callout intent="warning" title={t('trace.failed')} className="mt-gap" data-testid="trace-error">
            {outcome.error.message}
          </Callout>
        ) : null}
        {!json ? (
          <NonIdealState
            icon="flows"
            title={t('trace.start.title')}
            description={t('trace.start.description')}
          />
        ) : (
          <>
            <header className="mt-trace-summary" data-testid="trace-summary">
              <div>
                <div className="mt-muted mt-small">{t('trace.summary.entered')}</div>
                <div className="mt-big">{format.money(json.enteredMinor, json.currency)}</div>
              </div>
              <div>
                <div className="mt-muted mt-small">{t('trace.summary.reached')}</div>
                <div className="mt-big">{format.count(json.reached.length)}</div>
              </div>
              <div>
                <div className="mt-muted mt-small">{t('trace.summary.candidates')}</div>
                <div className="mt-big">
                  {format.money(
                    json.freezeCandidates.reduce((n, c) => n + c.amountMinor, 0),
                    json.currency,
                  )}
                </div>
              </div>
              <Button
                icon="graph"
                onClick={() =>
                  nav.showOnGraph([
                    ...json.seed.map((x) => `${x.kind}:${x.value}`),
                    ...json.reached.slice(0, 40).map((r) => `${r.kind}:${r.value}`),
                  ])
                }
                data-testid="trace-show-graph"
              >
                {t('trace.showOnGraph')}
              </Button>
              <div className="mt-trace-params">
                <Tag minimal>{t(`trace.direction.${json.direction}`)}</Tag>{' '}
                <Tag minimal intent="primary">
                  {t(`trace.method.${json.method}`)}
                </Tag>{' '}
                <Tag minimal>{t('trace.summary.maxHops', { hops: json.parameters.maxHops })}</Tag>
              </div>
            </header>
            {outcome.run ? (
              <FlowPictureView picture={outcome.run.picture} title={t('trace.picture.file')} />
            ) : null}
            <Tabs id="trace-views" selectedTabId={view} onChange={(id) => setView(String(id))}>
              <Tab id="places" title={t('trace.views.places', { count: json.reached.length })} />
              <Tab
                id="candidates"
                title={t('trace.views.candidates', { count: json.freezeCandidates.length })}
              />
              <Tab
                id="patterns"
                title={
                  outcome.findingPatterns
                    ? t('trace.views.patternsPending')
                    : t('trace.views.patterns', { count: json.patterns.length })
                }
              />
              {outcome.compared ? <Tab id="compare" title={t('trace.views.compare')} /> : null}
            </Tabs>
            <div className="mt-trace-view">
              {view === 'places' ? (
                <ReachedTable json={json} selected={selected} onSelect={setSelected} />
              ) : null}
              {view === 'candidates' ? (
                <div className="mt-candidates">
                  {ranRequest && json.freezeCandidates.length > 0 ? (
                    <ProposeFromTrace caseId={caseId} json={json} request={ranRequest} />
                  ) : null}
                  <CandidateList json={json} />
                </div>
              ) : null}
              {view === 'patterns' ? (
                <div className="mt-candidates">
                  <PatternThresholds
                    value={form.patternThresholds}
                    onApply={(patternThresholds) => {
                      const next = { ...form, patternThresholds };
                      setForm(next);
                      setRanRequest(toRequest(next));
                      run(toRequest(next), next.compare);
                    }}
                  />
                  {outcome.findingPatterns ? (
                    <NonIdealState icon={<Spinner size={24} />} title={t('trace.views.patternsPending')} />
                  ) : (
                    <PatternList json={json} />
                  )}
                </div>
              ) : null}
              {view === 'compare' && outcome.compared ? (
                <MethodComparison compared={outcome.compared} currency={json.currency} />
              ) : null}
            </div>
          </>
        )}
      </section>
      {json && current ? (
        <PathsPanel
          json={json}
          reached={current}
          onMark={(key, mark) => {
            const next =
              mark === 'stop'
                ? {
                    ...form,
                    stopAt: [...new Set([...form.stopAt, key])],
                    continueThrough: form.continueThrough.filter((k) => k !== key),
                  }
                : {
                    ...form,
                    continueThrough: [...new Set([...form.continueThrough, key])],
                    stopAt: form.stopAt.filter((k) => k !== key),
                  };
            setForm(next);
            setSelected(null);
            setRanRequest(toRequest(next));
            run(toRequest(next), next.compare);
          }}
        />
      ) : null}
    </div>
  );
}
