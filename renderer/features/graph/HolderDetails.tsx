import { Callout, Icon, Menu, MenuItem } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { EntityNode, HolderNode, HoldsEdge, HoldsEvidence } from '../../../shared/graph';
import { placeKindStyle } from '../../app/entity-kinds';
import { PlaceLabel } from '../trace/PlaceLabel';

/** The style key of a holder: IIN (person), BIN (company), or a name alone. */
function holderStyleKind(holder: HolderNode): 'iin' | 'bin' | 'name' {
  return holder.holderKind === 'company' ? 'bin' : holder.holderKind === 'person' ? 'iin' : 'name';
}

function HolderTitle({ holder }: { holder: HolderNode }) {
  const { t } = useTranslation();
  const style = placeKindStyle(holderStyleKind(holder));
  return (
    <h3 className="mt-place">
      <Icon icon={holder.holderKind === 'company' ? 'office' : 'person'} color={style.color} size={14} />
      <span>
        <span>{holder.names[0] ?? holder.idNumber}</span>
        {holder.idNumber ? (
          <span className="mt-place-holder mt-mono">
            {t(`graph.holder.${holder.key.startsWith('bin:') ? 'bin' : 'iin'}`)} {holder.idNumber}
          </span>
        ) : null}
      </span>
    </h3>
  );
}

/** "named as the holder in the header of statement X": what the ledger keeps, said plainly. */
export function useHoldsEvidence(): (evidence: HoldsEvidence) => string {
  const { t } = useTranslation();
  return (evidence) =>
    evidence.from === 'header'
      ? t('graph.holder.fromHeader', { file: evidence.files[0]?.name ?? '—' })
      : t('graph.holder.fromCounterparty', {
          count: evidence.files.length,
          files: evidence.files.map((f) => f.name).join(', ') || '—',
        });
}

/** A holder of several places on screen: who they are and the places they hold, each one click away. */
export function HolderDetails({
  holder,
  places,
  evidence,
  onSelectPlace,
}: {
  holder: HolderNode;
  /** The places on screen, by Cytoscape id (`n<node>`). */
  places: ReadonlyMap<string, EntityNode>;
  /** Holds links of this holder, by place node id. */
  evidence: ReadonlyMap<number, HoldsEvidence>;
  onSelectPlace: (node: number) => void;
}) {
  const { t } = useTranslation();
  const said = useHoldsEvidence();
  return (
    <aside className="mt-details-panel mt-graph-details" data-testid="graph-holder-details">
      <HolderTitle holder={holder} />
      <dl className="mt-facts">
        <dt>{t('graph.details.kind')}</dt>
        <dd>{t(`graph.holder.kind.${holder.holderKind}`)}</dd>
        {holder.names.length > 1 ? (
          <>
            <dt>{t('graph.holder.names')}</dt>
            <dd>
              {holder.names.map((name) => (
                <div key={name}>{name}</div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="mt-section-title">{t('graph.holder.places', { count: holder.places.length })}</h4>
      <Menu className="mt-graph-holder-places" data-testid="graph-holder-places">
        {holder.places.map((n) => {
          const place = places.get(`n${n}`);
          const why = evidence.get(n);
          return (
            <MenuItem
              key={n}
              multiline
              text={
                <>
                  {place ? <PlaceLabel kind={place.idKind} value={place.value} /> : `#${n}`}
                  {why ? <div className="mt-muted">{said(why)}</div> : null}
                </>
              }
              onClick={() => onSelectPlace(n)}
            />
          );
        })}
      </Menu>
      {holder.key.startsWith('name:') ? (
        <Callout compact icon="info-sign">
          {t('graph.holder.byName')}
        </Callout>
      ) : null}
    </aside>
  );
}

/** A holds link: not money; where the statements say the holder holds the place. */
export function HoldsDetails({
  link,
  holder,
  place,
}: {
  link: HoldsEdge;
  holder: HolderNode | undefined;
  place: EntityNode | undefined;
}) {
  const { t } = useTranslation();
  const said = useHoldsEvidence();
  return (
    <aside className="mt-details-panel mt-graph-details" data-testid="graph-holds-details">
      {holder ? <HolderTitle holder={holder} /> : null}
      <dl className="mt-facts">
        <dt>{t('graph.holder.holds')}</dt>
        <dd>{place ? <PlaceLabel kind={place.idKind} value={place.value} /> : link.target}</dd>
        <dt>{t('graph.holder.evidence')}</dt>
        <dd data-testid="graph-holds-evidence">{said(link.evidence)}</dd>
      </dl>
      <p className="mt-muted">{t('graph.holder.notMoney')}</p>
    </aside>
  );
}
