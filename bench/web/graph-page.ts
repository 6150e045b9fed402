/**
 * Page side of the graph rendering benchmark: draws a real view model's elements (the drop's
 * buyers expanded out of their collection, up to the 2,000-element budget) with the app's
 * Cytoscape settings, on canvas or on WebGL, then pans and zooms by script for a fixed time
 * and counts animation frames. Bundled for the browser and injected by bench/case-graph-render.ts.
 */
import cytoscape from 'cytoscape';
import { buildGraphIndex, expandCollection, openView } from '../../shared/graph';
import { syntheticLedger } from '../../shared/ledger/synthetic';

interface RenderResult {
  elements: number;
  firstRenderMs: number;
  fps: number;
  frames: number;
}

async function run(webgl: boolean, seconds: number): Promise<RenderResult> {
  const ledger = syntheticLedger({ transfers: 60_000, drops: 2 });
  const index = buildGraphIndex(ledger);
  const opened = openView(index, { seeds: [ledger.roles.drops[0] as number] }, { maxElements: 2000 });
  const buyers = [...opened.view.collections].sort((a, b) => b.members.length - a.members.length)[0];
  const result = buyers ? expandCollection(index, opened.view, buyers.id) : opened;
  const elements: cytoscape.ElementDefinition[] = [
    ...result.elements.nodes.map((n, i) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: n.type === 'entity' ? n.value : `${n.count}` },
      position: { x: (i % 50) * 60, y: Math.floor(i / 50) * 60 },
    })),
    ...result.elements.edges.map((e) => ({
      group: 'edges' as const,
      data: { id: e.id, source: e.source, target: e.target },
    })),
  ];
  const container = document.createElement('div');
  container.style.cssText = 'position:fixed;inset:0;z-index:9999;background:#fff';
  document.body.append(container);
  const t0 = performance.now();
  const cy = cytoscape({
    container,
    elements,
    layout: { name: 'preset' },
    style: [
      {
        selector: 'node',
        style: { width: 24, height: 24, 'background-color': '#2d72d2', label: 'data(label)', 'font-size': 9 },
      },
      {
        selector: 'edge',
        style: {
          width: 1,
          'line-color': '#8f99a8',
          'target-arrow-shape': 'triangle',
          'curve-style': 'straight',
        },
      },
    ],
    hideEdgesOnViewport: true,
    textureOnViewport: true,
    pixelRatio: 1,
    motionBlur: false,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  // The WebGL renderer may draw without a 'render' event: the first painted frame ends it too.
  await new Promise<void>((resolve) => {
    cy.one('render', () => resolve());
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const firstRenderMs = performance.now() - t0;
  let frames = 0;
  const end = performance.now() + seconds * 1000;
  await new Promise<void>((resolve) => {
    const step = (now: number) => {
      frames++;
      const phase = (now / 1000) * Math.PI;
      cy.viewport({
        zoom: 0.6 + 0.4 * Math.sin(phase),
        pan: { x: 200 * Math.cos(phase), y: 120 * Math.sin(phase) },
      });
      if (now < end) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  cy.destroy();
  container.remove();
  return { elements: elements.length, firstRenderMs, fps: frames / seconds, frames };
}

(globalThis as unknown as { __graphBench: { run: typeof run } }).__graphBench = { run };
