import { Icon } from '@blueprintjs/core';
import { displayIdentifier } from '../../../shared/format/identifier';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../../shared/identifiers/types';
import { placeKindStyle } from '../../app/entity-kinds';

const IDENTIFIERS = new Set<string>(IDENTIFIER_KINDS);

/** A place as investigators read it: kind icon, short identifier, holder underneath when known. */
export function PlaceLabel({
  kind,
  value,
  holder,
}: {
  kind: string;
  value: string;
  holder?: string | undefined;
}) {
  const style = placeKindStyle(kind);
  const text = IDENTIFIERS.has(kind) ? displayIdentifier(kind as IdentifierKind, value) : value;
  return (
    <span className="mt-place" title={value}>
      <Icon icon={style.icon} color={style.color} size={14} />
      <span>
        <span className="mt-mono">{text}</span>
        {holder ? <span className="mt-place-holder">{holder}</span> : null}
      </span>
    </span>
  );
}
