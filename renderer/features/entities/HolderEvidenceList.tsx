import { useTranslation } from 'react-i18next';
import type { HolderEvidence } from '../../../shared/resolve/holders';
import { useWorkspaceNav } from '../workspace/workspace-nav';

/** The rows that say who holds what; each opens in its statement. */
export function HolderEvidenceList({
  evidence,
  fileNames,
}: {
  evidence: HolderEvidence[];
  fileNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const nav = useWorkspaceNav();
  return (
    <span className="mt-muted mt-small">
      {evidence.slice(0, 3).map((item, i) => (
        <span key={i}>
          {i > 0 ? ', ' : ' · '}
          <a
            onClick={() => nav.showSourceRow({ sha256: item.sha256, sheet: item.sheet, row: item.row })}
            title={t('entities.openRow')}
          >
            {fileNames.get(item.sha256) ?? item.sha256.slice(0, 8)} {item.sheet}:{item.row}
          </a>{' '}
          ({t(`entities.holderRoles.${item.role}`)}
          {item.rows > 1 ? `, ${t('entities.rowsTogether', { count: item.rows })}` : ''})
        </span>
      ))}
    </span>
  );
}
