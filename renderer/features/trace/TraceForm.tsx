import type { PatternThresholds } from '../../../shared/patterns';
import {
  Button,
  FormGroup,
  HTMLSelect,
  InputGroup,
  MenuItem,
  NumericInput,
  SegmentedControl,
  Switch,
  Tag,
  TagInput,
} from '@blueprintjs/core';
import { useState } from 'react';
import { caseDayEnd, caseDayStart } from '../../../shared/format/case-day';
import { useTranslation } from 'react-i18next';
import type { TraceRequest } from '../../../shared/investigate';
import type { TraceDirection, TraceMethod } from '../../../shared/trace';
import type { LedgerFacts } from './trace-protocol';
import { PlaceLabel } from './PlaceLabel';

const METHODS: readonly TraceMethod[] = ['pro-rata', 'fifo', 'lifo', 'poisoned'];

export interface TraceFormValue {
  seeds: string[];
  direction: TraceDirection;
  method: TraceMethod;
  maxHops: number;
  minAmount: number;
  compare: boolean;
  /** Calendar days (YYYY-MM-DD) in Asia/Almaty; '' = open. */
  since: string;
  until: string;
  /** Places (`kind:value`) the investigator marked as where the trail ends / goes on through. */
  stopAt: string[];
  continueThrough: string[];
  /** Pattern thresholds the investigator adjusted (the rest stay at their defaults). */
  patternThresholds: Partial<PatternThresholds>;
}

export const DEFAULT_FORM: TraceFormValue = {
  seeds: [],
  direction: 'down',
  method: 'pro-rata',
  maxHops: 6,
  minAmount: 0,
  compare: false,
  since: '',
  until: '',
  stopAt: [],
  continueThrough: [],
  patternThresholds: {},
};

export function toRequest(value: TraceFormValue): TraceRequest {
  return {
    from: value.seeds,
    direction: value.direction,
    method: value.method,
    maxHops: value.maxHops,
    ...(value.minAmount > 0 ? { minAmount: value.minAmount } : {}),
    ...(caseDayStart(value.since) !== null ? { since: caseDayStart(value.since) as number } : {}),
    ...(caseDayEnd(value.until) !== null ? { until: caseDayEnd(value.until) as number } : {}),
    ...(value.stopAt.length > 0 ? { stopAtKeys: value.stopAt } : {}),
    ...(value.continueThrough.length > 0 ? { continueThroughKeys: value.continueThrough } : {}),
    ...(Object.keys(value.patternThresholds).length > 0
      ? { patternThresholds: value.patternThresholds }
      : {}),
  };
}

/** Where the money starts and how to follow it; every choice is recorded with the run. */
export function TraceForm({
  value,
  onChange,
  onRun,
  running,
  facts,
  badSeeds,
}: {
  value: TraceFormValue;
  onChange: (next: TraceFormValue) => void;
  onRun: () => void;
  running: boolean;
  facts: LedgerFacts;
  badSeeds: readonly string[];
}) {
  const { t } = useTranslation();
  const [showSuggestions, setShowSuggestions] = useState(false);
  const set = <K extends keyof TraceFormValue>(key: K, v: TraceFormValue[K]) =>
    onChange({ ...value, [key]: v });
  const suggestions = facts.suggestions.filter((s) => !value.seeds.includes(s.value)).slice(0, 12);

  return (
    <form
      className="mt-trace-form"
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      <FormGroup label={t('trace.form.seeds')} helperText={t('trace.form.seedsHelp')} labelFor="trace-seeds">
        <TagInput
          inputProps={{ id: 'trace-seeds', onFocus: () => setShowSuggestions(true) }}
          values={value.seeds}
          onChange={(next) => set('seeds', (next as string[]).map((s) => s.trim()).filter(Boolean))}
          addOnBlur
          addOnPaste
          separator={/[;\n]/}
          placeholder={t('trace.form.seedsPlaceholder')}
          tagProps={(tag) => ({ intent: badSeeds.includes(String(tag)) ? 'danger' : 'none', minimal: true })}
          data-testid="trace-seeds"
        />
      </FormGroup>
      {showSuggestions && suggestions.length > 0 ? (
        <div className="mt-trace-suggestions" data-testid="trace-suggestions">
          <div className="mt-muted mt-small">{t('trace.form.suggestions')}</div>
          {suggestions.map((s) => (
            <MenuItem
              key={`${s.kind}:${s.value}`}
              text={<PlaceLabel kind={s.kind} value={s.value} holder={s.holder} />}
              onClick={() => set('seeds', [...value.seeds, s.value])}
            />
          ))}
        </div>
      ) : null}
      <FormGroup label={t('trace.form.direction')}>
        <SegmentedControl
          fill
          value={value.direction}
          onValueChange={(v) => set('direction', v as TraceDirection)}
          options={[
            { value: 'down', label: t('trace.direction.down') },
            { value: 'up', label: t('trace.direction.up') },
          ]}
        />
      </FormGroup>
      <FormGroup
        label={t('trace.form.method')}
        helperText={t(`trace.methodHelp.${value.method}`)}
        labelFor="trace-method"
      >
        <HTMLSelect
          id="trace-method"
          fill
          value={value.method}
          onChange={(event) => set('method', event.currentTarget.value as TraceMethod)}
          options={METHODS.map((m) => ({ value: m, label: t(`trace.method.${m}`) }))}
        />
      </FormGroup>
      <div className="mt-trace-bounds">
        <FormGroup label={t('trace.form.maxHops')} labelFor="trace-hops">
          <NumericInput
            id="trace-hops"
            min={1}
            max={20}
            value={value.maxHops}
            onValueChange={(n) =>
              set('maxHops', Number.isFinite(n) ? Math.max(1, Math.min(20, Math.round(n))) : 6)
            }
            fill
          />
        </FormGroup>
        <FormGroup label={t('trace.form.minAmount')} labelFor="trace-min">
          <NumericInput
            id="trace-min"
            min={0}
            stepSize={1000}
            minorStepSize={100}
            majorStepSize={10000}
            value={value.minAmount}
            onValueChange={(n) => set('minAmount', Number.isFinite(n) && n > 0 ? n : 0)}
            fill
          />
        </FormGroup>
      </div>
      <div className="mt-trace-bounds">
        <FormGroup label={t('trace.form.since')} labelFor="trace-since">
          <InputGroup
            id="trace-since"
            type="date"
            value={value.since}
            onChange={(e) => set('since', e.currentTarget.value)}
          />
        </FormGroup>
        <FormGroup label={t('trace.form.until')} labelFor="trace-until">
          <InputGroup
            id="trace-until"
            type="date"
            value={value.until}
            onChange={(e) => set('until', e.currentTarget.value)}
          />
        </FormGroup>
      </div>
      {value.stopAt.length + value.continueThrough.length > 0 ? (
        <FormGroup label={t('trace.form.marked')}>
          <div className="mt-trace-marked">
            {value.stopAt.map((key) => (
              <Tag
                key={`s${key}`}
                minimal
                intent="warning"
                onRemove={() =>
                  set(
                    'stopAt',
                    value.stopAt.filter((k) => k !== key),
                  )
                }
              >
                {t('trace.form.stopAt', { place: key.slice(key.indexOf(':') + 1) })}
              </Tag>
            ))}
            {value.continueThrough.map((key) => (
              <Tag
                key={`c${key}`}
                minimal
                intent="success"
                onRemove={() =>
                  set(
                    'continueThrough',
                    value.continueThrough.filter((k) => k !== key),
                  )
                }
              >
                {t('trace.form.continueThrough', { place: key.slice(key.indexOf(':') + 1) })}
              </Tag>
            ))}
          </div>
        </FormGroup>
      ) : null}
      <Switch
        checked={value.compare}
        label={t('trace.form.compare')}
        onChange={(event) => set('compare', event.currentTarget.checked)}
      />
      <Button
        type="submit"
        intent="primary"
        icon="flows"
        fill
        loading={running}
        disabled={value.seeds.length === 0}
        data-testid="trace-run"
      >
        {t('trace.form.run')}
      </Button>
      <p className="mt-muted mt-small">
        {t('trace.form.caseFacts', { nodes: facts.nodes, transfers: facts.transfers })}
      </p>
    </form>
  );
}
