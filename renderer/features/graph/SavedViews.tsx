import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  FormGroup,
  InputGroup,
  Intent,
  Menu,
  MenuDivider,
  MenuItem,
  Popover,
} from '@blueprintjs/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphViews } from '../../db';
import type { GraphViewDraft } from '../../db/graph-views';
import type { GraphView } from '../../db/records';
import { useFormat } from '../../app/use-format';
import { useWorkspaceNav } from '../workspace/workspace-nav';

/** The name dialog: a new view's name, or a saved one's new name. */
type Naming = { kind: 'save' } | { kind: 'rename'; view: GraphView };

/**
 * The "Views" menu of the graph toolbar: save what is on screen (filters, hidden and pinned
 * places, positions, layout) under a name in the case, and reopen, rename or delete saved views.
 * Saving, renaming and deleting are audited by the repository.
 */
export function SavedViews({
  caseId,
  canSave,
  current,
  onOpen,
}: {
  caseId: string;
  /** Whether anything is drawn to save. */
  canSave: boolean;
  /** What "Save view…" saves: the view with places named by key (asks the graph worker). */
  current: () => Promise<Omit<GraphViewDraft, 'name'> | null>;
  onOpen: (view: GraphView) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const nav = useWorkspaceNav();
  const saved = useLiveQuery(() => graphViews.list(caseId), [caseId]) ?? [];
  const [naming, setNaming] = useState<Naming | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startNaming = (next: Naming) => {
    setName(next.kind === 'rename' ? next.view.name : '');
    setError(null);
    setNaming(next);
  };
  const submit = async () => {
    if (!naming) return;
    setBusy(true);
    try {
      if (naming.kind === 'rename') await graphViews.rename(caseId, naming.view.id, name, nav.actor);
      else {
        const draft = await current();
        if (draft) await graphViews.save(caseId, { ...draft, name }, nav.actor);
      }
      setNaming(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  const menu = (
    <Menu data-testid="graph-views-menu">
      <MenuItem
        icon="floppy-disk"
        text={t('graph.views.save')}
        disabled={!canSave}
        onClick={() => startNaming({ kind: 'save' })}
        data-testid="graph-view-save"
      />
      <MenuDivider title={t('graph.views.saved')} />
      {saved.length === 0 ? <MenuItem disabled text={t('graph.views.none')} /> : null}
      {saved.map((view) => (
        <MenuItem
          key={view.id}
          icon="layout-auto"
          text={view.name}
          label={format.dateTime(view.savedAt)}
          onClick={() => onOpen(view)}
          data-testid="graph-view-open"
        >
          <MenuItem icon="folder-open" text={t('graph.views.open')} onClick={() => onOpen(view)} />
          <MenuItem
            icon="edit"
            text={t('graph.views.rename')}
            onClick={() => startNaming({ kind: 'rename', view })}
          />
          <MenuItem
            icon="trash"
            intent={Intent.DANGER}
            text={t('graph.views.delete')}
            onClick={() => void graphViews.delete(caseId, view.id, nav.actor)}
          />
        </MenuItem>
      ))}
    </Menu>
  );

  return (
    <>
      <Popover content={menu} placement="bottom-start">
        <Button icon="bookmark" rightIcon="caret-down" data-testid="graph-views">
          {t('graph.views.title')}
        </Button>
      </Popover>
      <Dialog
        isOpen={naming !== null}
        title={naming?.kind === 'rename' ? t('graph.views.rename') : t('graph.views.save')}
        icon="floppy-disk"
        onClose={() => setNaming(null)}
      >
        <DialogBody>
          <FormGroup
            label={t('graph.views.name')}
            labelFor="graph-view-name"
            helperText={error ?? t('graph.views.nameHelp')}
            intent={error ? Intent.DANGER : Intent.NONE}
          >
            <InputGroup
              id="graph-view-name"
              autoFocus
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && name.trim()) void submit();
              }}
              data-testid="graph-view-name"
            />
          </FormGroup>
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button onClick={() => setNaming(null)}>{t('newCase.cancel')}</Button>
              <Button
                intent={Intent.PRIMARY}
                disabled={!name.trim()}
                loading={busy}
                onClick={() => void submit()}
                data-testid="graph-view-confirm"
              >
                {t('graph.views.confirm')}
              </Button>
            </>
          }
        />
      </Dialog>
    </>
  );
}
