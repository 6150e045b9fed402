import { HTMLSelect, HTMLTable, Tab, Tabs, Tag } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SheetPreview, StatementPreview } from '../../../shared/import/pipeline/types';
import { columnLetter } from '../../../shared/import/table/cell';
import { COLUMN_ROLES } from '../../../shared/import/table/vocabulary';

interface MappingPreviewProps {
  preview: StatementPreview;
  onRoleChange: (sheet: string, column: string, role: string | null) => void;
}

const IGNORE = '';

/** The first rows of each sheet as the file shows them, with the role chosen for every column. */
export function MappingPreview({ preview, onRoleChange }: MappingPreviewProps) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState(preview.sheets[0]?.name ?? '');
  const { file } = preview;
  return (
    <div className="mt-mapping" data-testid="mapping-preview">
      <p className="mt-muted">
        {file.encoding
          ? t('importer.format', { format: file.format.toUpperCase(), encoding: file.encoding })
          : file.format.toUpperCase()}
        {preview.delimiter
          ? ` · ${t('importer.delimiter', { delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter })}`
          : ''}
      </p>
      <p className="mt-small">{t('importer.roleHint')}</p>
      <Tabs
        id="mapping-sheets"
        selectedTabId={sheet}
        onChange={(next) => setSheet(String(next))}
        renderActiveTabPanelOnly
      >
        {preview.sheets.map((item) => (
          <Tab
            key={item.name}
            id={item.name}
            title={item.name}
            tagContent={item.hidden ? t('importer.hiddenSheet') : undefined}
            panel={<SheetMapping sheet={item} onRoleChange={onRoleChange} />}
          />
        ))}
      </Tabs>
    </div>
  );
}

function SheetMapping({
  sheet,
  onRoleChange,
}: {
  sheet: SheetPreview;
  onRoleChange: MappingPreviewProps['onRoleChange'];
}) {
  const { t } = useTranslation();
  const table = sheet.tables[0];
  const width = Math.max(0, ...sheet.rows.map((row) => row.length));
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i));
  const byColumn = new Map(table?.mapping.columns.map((column) => [column.column, column]) ?? []);
  const headerRows = new Set(table?.mapping.headerRows ?? []);
  const roleOptions = [
    { value: IGNORE, label: t('importer.ignore') },
    ...COLUMN_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
  ];

  return (
    <div>
      {table ? (
        <p className="mt-muted mt-small">
          {t('importer.header', { rows: table.mapping.headerRows.join(', '), start: table.dataStart })}
        </p>
      ) : (
        <p className="mt-muted">{t('importer.noTable')}</p>
      )}
      <div className="mt-preview-scroll">
        <HTMLTable compact bordered className="mt-preview-grid">
          <thead>
            <tr>
              <th />
              {letters.map((letter) => {
                const column = byColumn.get(letter);
                return (
                  <th key={letter} className="mt-preview-role">
                    <div className="mt-muted">{letter}</div>
                    {table && column ? (
                      <>
                        <HTMLSelect
                          minimal
                          fill
                          value={column.role ?? IGNORE}
                          options={roleOptions}
                          aria-label={`${sheet.name} ${letter}`}
                          data-testid={`role-${letter}`}
                          onChange={(event) =>
                            onRoleChange(sheet.name, letter, event.currentTarget.value || null)
                          }
                        />
                        {column.role ? (
                          <div className="mt-muted mt-small">
                            {t('importer.confidence', { percent: Math.round(column.confidence * 100) })}
                          </div>
                        ) : null}
                      </>
                    ) : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sheet.rows.map((row, i) => {
              const number = sheet.rowNumbers[i] ?? i + 1;
              const kind = sheet.rowKinds[i];
              const kindLabel =
                kind && kind !== 'transaction' && kind !== 'blank' ? t(`importer.rowKinds.${kind}`) : null;
              return (
                <tr
                  key={number}
                  className={
                    headerRows.has(number) ? 'mt-preview-header' : kind ? `mt-row-${kind}` : undefined
                  }
                >
                  <td className="mt-muted mt-num mt-nowrap">
                    {number}
                    {kindLabel ? (
                      <Tag minimal className="mt-kind-tag">
                        {kindLabel}
                      </Tag>
                    ) : null}
                  </td>
                  {letters.map((letter, c) => (
                    <td key={letter} className="mt-preview-cell" title={row[c] ?? ''}>
                      {row[c] ?? ''}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
      </div>
    </div>
  );
}
