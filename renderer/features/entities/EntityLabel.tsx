import { Icon } from '@blueprintjs/core';
import type { IdentifierKind } from '../../../shared/identifiers/types';
import { displayIdentifier } from '../../../shared/format/identifier';
import { entityKindStyle } from '../../app/entity-kinds';

export function EntityLabel({ kind, value }: { kind: IdentifierKind; value: string }) {
  const style = entityKindStyle[kind];
  return (
    <span className="mt-entity" title={value}>
      <Icon icon={style.icon} color={style.color} size={14} />
      <span className="mt-mono">{displayIdentifier(kind, value)}</span>
    </span>
  );
}
