import { Icon } from '@blueprintjs/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceJson } from '../../../shared/investigate';
import { useFormat } from '../../app/use-format';
import { PlaceLabel } from './PlaceLabel';

type Reached = TraceJson['reached'][number];
type SortKey = 'amount' | 'held' | 'hops';

const ROW_HEIGHT = 44;

/** Every place the money reached; virtualised, because a trace of a big case reaches thousands. */
export function ReachedTable({
  json,
  selected,
  onSelect,
}: {
  json: TraceJson;
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'amount', desc: true });
  const order = useMemo(() => {
    const value = (r: Reached) =>
      sort.key === 'amount' ? r.amountMinor : sort.key === 'held' ? r.heldMinor : r.hops;
    return json.reached
      .map((_, i) => i)
      .sort((a, b) => {
        const d = value(json.reached[a] as Reached) - value(json.reached[b] as Reached);
        return (sort.desc ? -d : d) || a - b;
      });
  }, [json, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual is not React-Compiler-safe; this component is simply not auto-memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const header = (key: SortKey, label: string) => (
    <button
      type="button"
      className="mt-sort"
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : true }))}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      {label}
      {sort.key === key ? <Icon icon={sort.desc ? 'caret-down' : 'caret-up'} size={12} /> : null}
    </button>
  );

  return (
    <div className="mt-vtable" role="table" aria-label={t('trace.reached.title')} data-testid="trace-reached">
      <div className="mt-vrow mt-vhead" role="row">
        <span role="columnheader">#</span>
        <span role="columnheader">{t('trace.reached.place')}</span>
        <span role="columnheader" className="mt-num">
          {header('hops', t('trace.reached.hops'))}
        </span>
        <span role="columnheader" className="mt-num">
          {header('amount', t('trace.reached.amount', { currency: json.currency }))}
        </span>
        <span role="columnheader" className="mt-num">
          {t('trace.reached.native')}
        </span>
        <span role="columnheader" className="mt-num">
          {header('held', t('trace.reached.held'))}
        </span>
        <span role="columnheader">{t('trace.reached.ends')}</span>
      </div>
      <div ref={scroller} className="mt-vbody">
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const index = order[item.index] as number;
            const r = json.reached[index] as Reached;
            return (
              <div
                key={index}
                role="row"
                className={`mt-vrow${selected === index ? ' mt-vrow-selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: ROW_HEIGHT,
                }}
                onClick={() => onSelect(index)}
                data-testid="trace-reached-row"
              >
                <span className="mt-muted">{item.index + 1}</span>
                <span className="mt-ellipsis">
                  <PlaceLabel kind={r.kind} value={r.value} holder={r.holder} />
                </span>
                <span className="mt-num">{r.hops}</span>
                <span className="mt-num mt-strong">{format.money(r.amountMinor, json.currency)}</span>
                <span className="mt-num mt-muted">
                  {r.nativeCurrency === json.currency
                    ? ''
                    : format.money(r.nativeAmountMinor, r.nativeCurrency)}
                </span>
                <span className="mt-num">{format.money(r.heldMinor, json.currency)}</span>
                <span>{r.endPoint ? t(`trace.endPoint.${r.endPoint}`) : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
