import cytoscape from 'cytoscape';
import svg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { graphStyle } from './graph-style';

cytoscape.use(svg);

// Cytoscape injects an inline <style> unless an element with this id exists; the CSP forbids
// inline styles, so its one rule lives in app.css and this marker tells Cytoscape so.
const STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = STYLESHEET_ID;
  document.head.append(marker);
}

export interface GraphCanvasHandle {
  png: () => Promise<Uint8Array>;
  svg: () => Uint8Array;
  positions: () => Record<string, { x: number; y: number }>;
  fit: () => void;
  /** Selects one element (as a click would, without telling `onSelect`). */
  select: (id: string) => void;
}

export interface GraphCanvasProps {
  elements: cytoscape.ElementDefinition[];
  positions: Record<string, { x: number; y: number }>;
  dark: boolean;
  /** Draw with Cytoscape's WebGL renderer (fixed for the canvas's lifetime). */
  webgl: boolean;
  onSelect: (id: string | null, group: 'nodes' | 'edges' | null) => void;
  onOpen: (id: string) => void;
  onMoved: (id: string, position: { x: number; y: number }) => void;
}

/**
 * The one rendered Cytoscape instance. Level of detail for big views: edges and labels are hidden
 * while panning or zooming and the canvas is drawn at pixel ratio 1 past a few hundred elements,
 * which is what keeps 2,000 elements smooth under software rendering.
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, GraphCanvasProps>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const big = props.elements.length > 400;
    const instance = cytoscape({
      container: container.current,
      style: graphStyle(props.dark),
      hideEdgesOnViewport: big,
      textureOnViewport: big,
      pixelRatio: big ? 1 : 'auto',
      motionBlur: false,
      wheelSensitivity: 0.3,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: true,
      // Chosen once per canvas: the tab remounts the canvas when the investigator switches.
      ...(props.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    instance.on('tap', (event) => {
      if (event.target === instance) callbacks.current.onSelect(null, null);
      else callbacks.current.onSelect(event.target.id(), event.target.isNode() ? 'nodes' : 'edges');
    });
    instance.on('dbltap', 'node', (event) => callbacks.current.onOpen(event.target.id()));
    instance.on('dragfree', 'node', (event) =>
      callbacks.current.onMoved(event.target.id(), { ...event.target.position() }),
    );
    cy.current = instance;
    // A read-only handle for end-to-end tests and support sessions: what is drawn, and where.
    (window as unknown as { __mtGraph?: object }).__mtGraph = { cy: instance, onPath: 0 };
    return () => {
      instance.destroy();
      cy.current = null;
    };
    // Created once; elements and style are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    cy.current?.style(graphStyle(props.dark));
  }, [props.dark]);

  // The details panel opening or closing narrows the canvas: a graph that was wholly in view is
  // fitted again (else its right side would sit behind the panel); a zoomed-in one keeps its centre.
  useEffect(() => {
    const element = container.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let width = element.clientWidth;
    let height = element.clientHeight;
    const observer = new ResizeObserver(() => {
      const instance = cy.current;
      if (!instance || (element.clientWidth === width && element.clientHeight === height)) return;
      const box = instance.elements().renderedBoundingBox();
      const wholly = box.x1 >= 0 && box.y1 >= 0 && box.x2 <= width && box.y2 <= height;
      const shift = { x: (element.clientWidth - width) / 2, y: (element.clientHeight - height) / 2 };
      width = element.clientWidth;
      height = element.clientHeight;
      instance.resize();
      if (wholly && instance.elements().length > 0) instance.fit(undefined, 40);
      else instance.panBy(shift);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().remove();
      instance.add(
        props.elements.map((element) =>
          element.group === 'nodes' && props.positions[String(element.data.id)]
            ? // A copy: Cytoscape keeps and moves the object it is given, which would move our record too.
              { ...element, position: { ...props.positions[String(element.data.id)] } as cytoscape.Position }
            : element,
        ),
      );
    });
    instance.fit(undefined, 40);
    const handle = (window as unknown as { __mtGraph?: { onPath: number } }).__mtGraph;
    if (handle) handle.onPath = instance.nodes('[?onPath]').length;
  }, [props.elements, props.positions]);

  useImperativeHandle(ref, () => ({
    async png() {
      const instance = cy.current;
      if (!instance) return new Uint8Array();
      const blob = (await instance.png({
        output: 'blob-promise',
        full: true,
        scale: 2,
        bg: props.dark ? '#1c2127' : '#ffffff',
      })) as Blob;
      return new Uint8Array(await blob.arrayBuffer());
    },
    svg() {
      const instance = cy.current as (cytoscape.Core & { svg?: (o: object) => string }) | null;
      const text = instance?.svg?.({ full: true, scale: 1, bg: props.dark ? '#1c2127' : '#ffffff' }) ?? '';
      return new TextEncoder().encode(text);
    },
    positions() {
      const out: Record<string, { x: number; y: number }> = {};
      cy.current?.nodes().forEach((node) => {
        out[node.id()] = { ...node.position() };
      });
      return out;
    },
    fit() {
      cy.current?.fit(undefined, 40);
    },
    select(id) {
      const instance = cy.current;
      if (!instance) return;
      instance.elements(':selected').unselect();
      instance.getElementById(id).select();
    },
  }));

  return <div ref={container} className="mt-graph-canvas" data-testid="graph-canvas" />;
});
