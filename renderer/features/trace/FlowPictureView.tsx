import { Button, ButtonGroup, NonIdealState } from '@blueprintjs/core';
import { sankey, sankeyLeft, sankeyLinkHorizontal, type SankeyGraph } from 'd3-sankey';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { displayIdentifier } from '../../../shared/format/identifier';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/identifiers/types';
import type { FlowBox, FlowPicture } from '../../../shared/investigate/flow-picture';
import { placeKindStyle } from '../../app/entity-kinds';
import { useFormat } from '../../app/use-format';
import { saveSvg, savePng } from './export-picture';

const WIDTH = 1400;
const HEIGHT = 480;
/** Room left of the first column for its labels; every label sits left of its box. */
const LEFT = 330;
const IDENTIFIERS = new Set<string>(IDENTIFIER_KINDS);

interface SNode {
  box: FlowBox;
}
interface SLink {
  source: number;
  target: number;
  value: number;
}

/** The traced money as a left-to-right Sankey diagram by hop, with amounts on the bands. */
export function FlowPictureView({ picture, title }: { picture: FlowPicture; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const svg = useRef<SVGSVGElement>(null);
  const layout = useMemo(() => layoutOf(picture), [picture]);
  if (!layout) {
    return (
      <div className="mt-flow-empty">
        <NonIdealState icon="flows" title={t('trace.picture.empty')} />
      </div>
    );
  }
  const labelOf = (box: FlowBox) =>
    box.kind === 'others'
      ? t('trace.picture.others', { count: box.others ?? 0 })
      : IDENTIFIERS.has(box.kind)
        ? displayIdentifier(box.kind as IdentifierKind, box.value)
        : box.value;
  const maxHop = Math.max(...picture.boxes.map((b) => b.hop));

  return (
    <figure className="mt-flow" data-testid="trace-picture">
      <div className="mt-flow-toolbar">
        <span className="mt-muted mt-small">{t('trace.picture.caption', { hops: maxHop })}</span>
        <ButtonGroup>
          <Button
            small
            icon="media"
            onClick={() => svg.current && void savePng(svg.current, `${title}.png`)}
            data-testid="trace-save-png"
          >
            PNG
          </Button>
          <Button small icon="code" onClick={() => svg.current && void saveSvg(svg.current, `${title}.svg`)}>
            SVG
          </Button>
        </ButtonGroup>
      </div>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('trace.picture.aria')}
        className="mt-flow-svg"
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {Array.from({ length: maxHop + 1 }, (_, hop) => (
          <text key={hop} x={layout.columnX(hop)} y={14} fontSize={11} fill="#5f6b7c" fontFamily="sans-serif">
            {hop === 0 ? t('trace.picture.seed') : t('trace.picture.hop', { hop })}
          </text>
        ))}
        <g fill="none">
          {layout.links.map((link, i) => {
            const source = link.source as unknown as { box: FlowBox };
            return (
              <path
                key={i}
                d={sankeyLinkHorizontal()(link as never) ?? ''}
                stroke={placeKindStyle(source.box.kind).color}
                strokeOpacity={0.28}
                strokeWidth={Math.max(1, link.width ?? 1)}
              >
                <title>{format.money(link.value, picture.currency)}</title>
              </path>
            );
          })}
        </g>
        {layout.links.map((link, i) =>
          (link.width ?? 0) >= 14 ? (
            <text
              key={`l${i}`}
              x={((link.source as { x1?: number }).x1 ?? 0) + 6}
              y={(link.y0 ?? 0) + 4}
              fontSize={10}
              fill="#1c2127"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
              fontFamily="sans-serif"
            >
              {format.money(link.value, picture.currency)}
            </text>
          ) : null,
        )}
        {layout.nodes.map((node) => {
          const box = node.box;
          const color = placeKindStyle(box.kind).color;
          const x0 = node.x0 ?? 0;
          const top = node.y0 ?? 0;
          const label = {
            x: x0 - 6,
            fontFamily: 'sans-serif',
            textAnchor: 'end' as const,
            stroke: '#ffffff',
            strokeWidth: 3,
            paintOrder: 'stroke',
          };
          return (
            <g key={box.id}>
              <rect
                x={x0}
                y={top}
                width={(node.x1 ?? 0) - x0}
                height={Math.max(2, (node.y1 ?? 0) - top)}
                fill={color}
                rx={2}
              />
              <text {...label} y={top + 11} fontSize={12} fill="#1c2127" fontWeight={600}>
                {labelOf(box)}
              </text>
              <text {...label} y={top + 25} fontSize={11} fill="#5f6b7c">
                {[box.holder, format.money(box.amountMinor, picture.currency)].filter(Boolean).join(' · ')}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function layoutOf(picture: FlowPicture) {
  const index = new Map(picture.boxes.map((b, i) => [b.id, i]));
  const links: SLink[] = picture.bands
    .filter((b) => b.amountMinor > 0 && index.has(b.from) && index.has(b.to))
    .map((b) => ({
      source: index.get(b.from) as number,
      target: index.get(b.to) as number,
      value: b.amountMinor,
    }));
  if (links.length === 0) return null;
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const keep = picture.boxes.map((_, i) => i).filter((i) => used.has(i));
  const remap = new Map(keep.map((old, i) => [old, i]));
  const graph: SankeyGraph<SNode, SLink> = sankey<SNode, SLink>()
    .nodeAlign(sankeyLeft)
    .nodeWidth(12)
    .nodePadding(30)
    .extent([
      [LEFT, 26],
      [WIDTH - 20, HEIGHT - 10],
    ])({
    nodes: keep.map((i) => ({ box: picture.boxes[i] as FlowBox })),
    links: links.map((l) => ({
      ...l,
      source: remap.get(l.source) as number,
      target: remap.get(l.target) as number,
    })),
  });
  const hopX = new Map<number, number>();
  for (const n of graph.nodes) if (!hopX.has(n.box.hop)) hopX.set(n.box.hop, n.x0 ?? 0);
  return { ...graph, columnX: (hop: number) => hopX.get(hop) ?? LEFT + hop * 200 };
}
