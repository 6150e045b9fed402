/**
 * A mutable working copy of a `ViewState` for the length of one operation. The old state is
 * never touched: collections that change are replaced by new objects, and `finish` returns a
 * fresh frozen-by-convention state, so the caller's undo stack stays valid.
 */
import type { NodeKind } from '../ledger/types';
import type { GraphIndex } from './build-index';
import type { Collection, CollectionOrigin, Direction, ElementRef, ViewState } from './types';

/** Where a node is in the draft: FREE (not shown), ENTITY, HIDDEN, or ≥ 0: a collection slot. */
export const FREE = -1;
export const ENTITY = -2;
export const HIDDEN = -3;

export interface CollectionSpec {
  origin: CollectionOrigin;
  members: number[];
  anchor?: number;
  side?: Direction;
  kind?: NodeKind;
  label?: string;
  slice?: Collection['slice'];
  connected?: boolean;
}

export class Draft {
  nodes: number[];
  /** Slots stay put during an operation (null = removed), so placements stay valid. */
  slots: (Collection | null)[];
  readonly placement: Int32Array;
  readonly pinned: Set<number>;
  seeds: number[];
  nextCollection: number;
  private removedEntities = false;

  constructor(
    readonly index: GraphIndex,
    readonly base: ViewState,
  ) {
    this.nodes = [...base.nodes];
    this.slots = [...base.collections];
    this.pinned = new Set(base.pinned);
    this.seeds = [...base.seeds];
    this.nextCollection = base.nextCollection;
    this.placement = new Int32Array(index.nodeCount).fill(FREE);
    for (const n of base.hidden) this.placement[n] = HIDDEN;
    base.collections.forEach((c, slot) => {
      for (const m of c.members) this.placement[m] = slot;
    });
    for (const n of base.nodes) this.placement[n] = ENTITY;
  }

  collection(id: string): { slot: number; c: Collection } | null {
    const slot = this.slots.findIndex((c) => c?.id === id);
    const c = this.slots[slot];
    return c ? { slot, c } : null;
  }

  /** Makes nodes entities of their own, taking them out of collections or the hidden list. */
  show(nodes: readonly number[]): void {
    const fresh = nodes.filter((n) => this.placement[n] !== undefined && this.placement[n] !== ENTITY);
    this.release(fresh);
    for (const n of fresh) {
      if (this.placement[n] === ENTITY) continue;
      this.placement[n] = ENTITY;
      this.nodes.push(n);
    }
  }

  /**
   * Frees nodes from wherever they are (collections shrink in one step per collection, so taking
   * a thousand members out is not a thousand copies), except from collection slot `keep`.
   */
  private release(nodes: readonly number[], keep = -1): void {
    const bySlot = new Map<number, Set<number>>();
    for (const n of nodes) {
      const at = this.placement[n] as number;
      if (at === ENTITY) {
        this.removedEntities = true;
        this.placement[n] = FREE;
      } else if (at >= 0 && at !== keep) {
        const set = bySlot.get(at);
        if (set) set.add(n);
        else bySlot.set(at, new Set([n]));
      }
    }
    for (const [slot, members] of bySlot) this.removeMembers(slot, members);
  }

  /** Takes an entity off the screen: to FREE, or to HIDDEN. */
  remove(node: number, to: typeof FREE | typeof HIDDEN): void {
    if (this.placement[node] === ENTITY) this.removedEntities = true;
    this.placement[node] = to;
    this.pinned.delete(node);
  }

  addCollection(spec: CollectionSpec, at = this.slots.length): Collection {
    const c: Collection = {
      id: `c${this.nextCollection++}`,
      ...spec,
      members: [...spec.members].sort(byNumber),
    };
    this.release(c.members);
    for (const m of c.members) this.placement[m] = this.slots.length;
    this.slots.splice(at, 0, c);
    // A splice shifts later slots: renumber their members (rare, and only for inserts).
    if (at < this.slots.length - 1) this.renumberFrom(at);
    return c;
  }

  /** Adds members to an existing collection (replacing the object, never mutating it). */
  grow(slot: number, members: readonly number[]): void {
    const c = this.slots[slot];
    if (!c || members.length === 0) return;
    this.release(members, slot);
    for (const m of members) this.placement[m] = slot;
    this.slots[slot] = { ...c, members: [...new Set([...c.members, ...members])].sort(byNumber) };
  }

  removeMembers(slot: number, members: ReadonlySet<number>): void {
    const c = this.slots[slot];
    if (!c) return;
    const rest = c.members.filter((m) => !members.has(m));
    for (const m of members) if (this.placement[m] === slot) this.placement[m] = FREE;
    this.slots[slot] = rest.length > 0 ? { ...c, members: rest } : null;
  }

  dropCollection(slot: number, membersTo: typeof FREE | typeof HIDDEN): void {
    const c = this.slots[slot];
    if (!c) return;
    for (const m of c.members) this.placement[m] = membersTo;
    this.slots[slot] = null;
  }

  replaceCollection(slot: number, c: Collection): void {
    this.slots[slot] = c;
  }

  /** The existing collection for these neighbours of `anchor`, if any: new ones join it. */
  slotFor(anchor: number, side: Direction, kind: NodeKind | undefined, connected = false): number {
    return this.slots.findIndex(
      (c) =>
        c !== null &&
        c.anchor === anchor &&
        c.side === side &&
        c.kind === kind &&
        c.slice === undefined &&
        (c.connected === true) === connected,
    );
  }

  finish(): ViewState {
    const nodes = this.removedEntities ? this.nodes.filter((n) => this.placement[n] === ENTITY) : this.nodes;
    const hidden: number[] = [];
    for (let n = 0; n < this.placement.length; n++) if (this.placement[n] === HIDDEN) hidden.push(n);
    return {
      ...this.base,
      seeds: this.seeds,
      nodes: [...new Set(nodes)],
      collections: this.slots.filter((c): c is Collection => c !== null),
      hidden,
      pinned: [...this.pinned].filter((n) => this.placement[n] === ENTITY).sort(byNumber),
      nextCollection: this.nextCollection,
    };
  }

  private renumberFrom(at: number): void {
    for (let slot = at; slot < this.slots.length; slot++)
      for (const m of this.slots[slot]?.members ?? []) this.placement[m] = slot;
  }
}

export function byNumber(a: number, b: number): number {
  return a - b;
}

/** `12`, `'n12'` → node 12; `'c3'` → collection c3. */
export function parseRef(ref: ElementRef): { node: number } | { collection: string } {
  if (typeof ref === 'number') return { node: ref };
  if (/^n\d+$/.test(ref)) return { node: Number(ref.slice(1)) };
  return { collection: ref };
}
