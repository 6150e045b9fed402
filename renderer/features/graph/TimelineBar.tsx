import { Button } from '@blueprintjs/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Timeline } from '../../../shared/graph';
import { useFormat } from '../../app/use-format';

const WIDTH = 1000;
const HEIGHT = 64;

/**
 * Transfers of the selection (or the whole view) over time. Dragging across the bars picks a
 * period, and the graph then shows only the money that moved in it.
 */
export function TimelineBar({
  timeline,
  period,
  onPeriod,
}: {
  timeline: Timeline | null;
  period: { since?: number; until?: number };
  onPeriod: (since: number | undefined, until: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  if (!timeline || timeline.buckets.length === 0) return null;
  const max = Math.max(1, ...timeline.buckets.map((b) => b.count));
  const span = Math.max(1, timeline.end - timeline.start);
  const x = (ms: number) => ((ms - timeline.start) / span) * WIDTH;
  const toMs = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return timeline.start;
    return timeline.start + Math.max(0, Math.min(1, (clientX - box.left) / box.width)) * span;
  };
  const selected =
    drag ??
    (period.since !== undefined || period.until !== undefined
      ? { a: period.since ?? timeline.start, b: period.until ?? timeline.end }
      : null);

  return (
    <div className="mt-timeline" data-testid="graph-timeline">
      <div className="mt-timeline-head">
        <span className="mt-muted mt-small">
          {t('graph.timeline.caption', {
            count: timeline.count,
            from: format.date(timeline.start),
            to: format.date(timeline.end),
          })}
        </span>
        {period.since !== undefined || period.until !== undefined ? (
          <Button
            small
            variant="minimal"
            icon="cross"
            onClick={() => onPeriod(undefined, undefined)}
            data-testid="timeline-clear"
          >
            {t('graph.timeline.clear', {
              from: format.date(period.since ?? timeline.start),
              to: format.date(period.until ?? timeline.end),
            })}
          </Button>
        ) : (
          <span className="mt-muted mt-small">{t('graph.timeline.hint')}</span>
        )}
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="mt-timeline-svg"
        onPointerDown={(event) => {
          (event.target as Element).setPointerCapture?.(event.pointerId);
          const ms = toMs(event.clientX);
          setDrag({ a: ms, b: ms });
        }}
        onPointerMove={(event) => drag && setDrag({ a: drag.a, b: toMs(event.clientX) })}
        onPointerUp={() => {
          if (drag && Math.abs(drag.b - drag.a) > span / 200)
            onPeriod(Math.min(drag.a, drag.b), Math.max(drag.a, drag.b));
          setDrag(null);
        }}
        data-testid="timeline-brush"
      >
        {timeline.buckets.map((b) => (
          <rect
            key={b.start}
            x={x(b.start) + 0.5}
            width={Math.max(1, x(b.end) - x(b.start) - 1)}
            y={HEIGHT - (b.count / max) * (HEIGHT - 4)}
            height={(b.count / max) * (HEIGHT - 4)}
            className="mt-timeline-bar"
          >
            <title>
              {format.date(b.start)}: {b.count}
            </title>
          </rect>
        ))}
        {selected ? (
          <rect
            x={x(Math.min(selected.a, selected.b))}
            width={Math.abs(x(selected.b) - x(selected.a))}
            y={0}
            height={HEIGHT}
            className="mt-timeline-brush"
          />
        ) : null}
      </svg>
    </div>
  );
}
