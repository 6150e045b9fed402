import { useTranslation } from 'react-i18next';
import { useWorkspaceNav } from './workspace-nav';

export interface EvidenceRef {
  sha256: string;
  file: string;
  sheet: string;
  row: number;
}

/**
 * "01-kaspi.xlsx · KASPI_EXPORT · строка 121": the statement row a number rests on; clicking it
 * opens the Sources tab at that row. A CSV's only sheet is named after the file, so it says it once.
 */
export function EvidenceLink({ evidence: e, testId }: { evidence: EvidenceRef; testId: string }) {
  const { t } = useTranslation();
  const nav = useWorkspaceNav();
  return (
    <a
      href="#"
      onClick={(event) => {
        event.preventDefault();
        nav.showSourceRow({ sha256: e.sha256, sheet: e.sheet, row: e.row });
      }}
      data-testid={testId}
    >
      {e.sheet === e.file
        ? t('trace.paths.fileRow', { file: e.file, row: e.row })
        : t('trace.paths.row', { file: e.file, sheet: e.sheet, row: e.row })}
    </a>
  );
}
