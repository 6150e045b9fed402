import { Button, Collapse, FormGroup, NumericInput, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADJUSTABLE_THRESHOLDS,
  checkThreshold,
  DEFAULT_THRESHOLDS,
  type PatternThresholds as Thresholds,
} from '../../../shared/patterns';

type Adjusted = Partial<Thresholds>;

/**
 * The thresholds the pattern detectors compare against, adjustable per case: a smaller city's
 * drops may have fewer buyers, a case may need a tighter hold time. Applying re-runs the trace.
 */
export function PatternThresholds({
  value,
  onApply,
}: {
  value: Adjusted;
  onApply: (next: Adjusted) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Adjusted>(value);
  const [error, setError] = useState<string | null>(null);
  const changed = Object.keys(value).length;

  const apply = () => {
    try {
      for (const [key, v] of Object.entries(draft)) if (typeof v === 'number') checkThreshold(key, v);
      setError(null);
      onApply(draft);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="mt-thresholds" data-testid="pattern-thresholds">
      <Button small icon="settings" onClick={() => setOpen(!open)} data-testid="pattern-thresholds-toggle">
        {t('trace.thresholds.button')}
      </Button>{' '}
      {changed > 0 ? (
        <Tag minimal intent="warning">
          {t('trace.thresholds.changed', { count: changed })}
        </Tag>
      ) : null}
      <Collapse isOpen={open}>
        <div className="mt-thresholds-grid">
          {ADJUSTABLE_THRESHOLDS.map(({ key, unit }) => (
            <FormGroup
              key={key}
              label={t(`trace.thresholds.keys.${key}`)}
              labelInfo={t(`trace.thresholds.units.${unit}`)}
              labelFor={`threshold-${key}`}
            >
              <NumericInput
                id={`threshold-${key}`}
                value={draft[key] ?? DEFAULT_THRESHOLDS[key]}
                min={0}
                max={unit === 'share' ? 1 : undefined}
                stepSize={unit === 'share' ? 0.05 : 1}
                minorStepSize={unit === 'share' ? 0.01 : null}
                onValueChange={(n) => setDraft({ ...draft, [key]: n })}
                intent={
                  draft[key] !== undefined && draft[key] !== DEFAULT_THRESHOLDS[key] ? 'warning' : 'none'
                }
                fill
                data-testid={`threshold-${key}`}
              />
            </FormGroup>
          ))}
        </div>
        {error ? <p className="mt-threshold-error">{error}</p> : null}
        <Button intent="primary" onClick={apply} data-testid="pattern-thresholds-apply">
          {t('trace.thresholds.apply')}
        </Button>{' '}
        <Button
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          {t('trace.thresholds.defaults')}
        </Button>
      </Collapse>
    </div>
  );
}
