import { appendAudit } from './audit';
import { caseKeysOf } from './case-keys';
import type { GraphView } from './records';
import type { CaseStore } from './schema';
import { openGraphView, sealGraphView } from './sealed';

export type GraphViewDraft = Omit<GraphView, 'id' | 'savedAt' | 'actor'>;

/**
 * Graph views saved in a case: what the Graph tab showed (filters, hidden and pinned nodes,
 * collections) and where each node stood, to reopen later. Saving and deleting are audited in the
 * same transaction as the change; a rename is audited as a save under the new name.
 */
export function graphViewRepository(
  db: CaseStore,
  now: () => number = Date.now,
  newId: () => string = () => crypto.randomUUID(),
) {
  async function put(caseId: string, view: GraphView, details: Record<string, unknown>) {
    const keys = await caseKeysOf(db, caseId);
    const record = await sealGraphView(keys, caseId, view);
    await db.transaction('rw', db.graphViews, db.auditEntries, db.cases, async () => {
      await db.graphViews.put(record);
      await appendAudit(
        db,
        { caseId, actor: view.actor, action: 'graph-view.saved', details, at: view.savedAt },
        keys,
      );
      await db.cases.update(caseId, { updatedAt: view.savedAt });
    });
    return view;
  }

  async function get(caseId: string, id: string): Promise<GraphView> {
    const record = await db.graphViews.get([caseId, id]);
    if (!record) throw new Error(`graph view ${id} is not in case ${caseId}`);
    return openGraphView(await caseKeysOf(db, caseId), record);
  }

  return {
    /** Newest first (stored order says nothing in an encrypted case). */
    async list(caseId: string): Promise<GraphView[]> {
      const keys = await caseKeysOf(db, caseId);
      const records = await db.graphViews.where('caseId').equals(caseId).toArray();
      const views = await Promise.all(records.map((record) => openGraphView(keys, record)));
      return views.sort((a, b) => b.savedAt - a.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },

    get,

    async save(caseId: string, draft: GraphViewDraft, actor: string): Promise<GraphView> {
      const name = draft.name.trim();
      if (!name) throw new Error('a saved view needs a name');
      const view: GraphView = { ...draft, name, id: newId(), savedAt: now(), actor };
      return put(caseId, view, { view: view.id, name, nodes: view.state.nodes.length });
    },

    async rename(caseId: string, id: string, name: string, actor: string): Promise<GraphView> {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('a saved view needs a name');
      const old = await get(caseId, id);
      const view: GraphView = { ...old, name: trimmed, savedAt: now(), actor };
      return put(caseId, view, { view: id, name: trimmed, renamedFrom: old.name });
    },

    async delete(caseId: string, id: string, actor: string): Promise<void> {
      const old = await get(caseId, id);
      const keys = await caseKeysOf(db, caseId);
      const at = now();
      await db.transaction('rw', db.graphViews, db.auditEntries, db.cases, async () => {
        await db.graphViews.delete([caseId, id]);
        await appendAudit(
          db,
          { caseId, actor, action: 'graph-view.deleted', details: { view: id, name: old.name }, at },
          keys,
        );
        await db.cases.update(caseId, { updatedAt: at });
      });
    },
  };
}
