import type cytoscape from 'cytoscape';
import { placeKindStyle } from '../../app/entity-kinds';

/**
 * One look per kind of place, the same colours as every table: the identifier kind gives the
 * colour, the place kind the shape (accounts are cards, wallets hexagons, exchanges diamonds,
 * shops tags, cash octagons, collections barrels). Holders are not places: drawn hollow (a
 * person round, a company square, a holder known only by name round with a dotted rim), tied to
 * their places by thin dashed grey lines with no arrow and no amount, so no one reads them as money.
 */
const SHAPES: Record<string, cytoscape.Css.NodeShape> = {
  account: 'round-rectangle',
  wallet: 'hexagon',
  'exchange-account': 'diamond',
  merchant: 'tag',
  cash: 'octagon',
  unknown: 'ellipse',
  collection: 'barrel',
};

/** The holder's glyph, as the tables show it (Blueprint's person and office), in the kind's colour. */
function glyph(kind: 'iin' | 'bin' | 'name'): string {
  const color = placeKindStyle(kind).color;
  const shape =
    kind === 'bin'
      ? `<path fill="${color}" d="M2 15V2h8v13H8v-3H5v3zm2-11v2h2V4zm3 0v2h2V4zM4 8v2h2V8zm3 0v2h2V8zm4 7V6h3v9z"/>`
      : `<circle fill="${color}" cx="8" cy="4.5" r="3.2"/><path fill="${color}" d="M1.5 15c0-3.6 2.9-6.2 6.5-6.2s6.5 2.6 6.5 6.2z"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${shape}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
const GLYPHS = { iin: glyph('iin'), bin: glyph('bin'), name: glyph('name') };

export function graphStyle(dark: boolean): cytoscape.StylesheetJson {
  const text = dark ? '#f6f7f9' : '#1c2127';
  const muted = dark ? '#abb3bf' : '#5f6b7c';
  const outline = dark ? '#1c2127' : '#ffffff';
  const holds = dark ? '#8f99a8' : '#738091';
  return [
    {
      selector: 'node',
      style: {
        shape: (node: cytoscape.NodeSingular) => SHAPES[String(node.data('placeKind'))] ?? 'ellipse',
        'background-color': (node: cytoscape.NodeSingular) =>
          placeKindStyle(String(node.data('idKind'))).color,
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(label)',
        'font-size': 11,
        'text-wrap': 'wrap',
        'text-max-width': '170px',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        color: text,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node[type = "collection"]',
      style: {
        'background-opacity': 0.55,
        'border-width': 2,
        'border-style': 'dashed',
        'border-color': muted,
      },
    },
    {
      selector: 'node[type = "holder"]',
      style: {
        shape: (node: cytoscape.NodeSingular) =>
          node.data('holderKind') === 'company' ? 'rectangle' : 'ellipse',
        'background-color': outline,
        'border-width': 3,
        'border-color': (node: cytoscape.NodeSingular) => placeKindStyle(String(node.data('idKind'))).color,
        'background-image': (node: cytoscape.NodeSingular) =>
          GLYPHS[node.data('idKind') as keyof typeof GLYPHS] ?? GLYPHS.name,
        'background-width': '62%',
        'background-height': '62%',
        'font-style': 'italic',
      },
    },
    { selector: 'node[holderKind = "unknown"]', style: { 'border-style': 'dotted' } },
    { selector: 'node[?seed]', style: { 'border-width': 4, 'border-color': '#c87619' } },
    {
      selector: 'node[?pinned]',
      style: { 'border-width': 3, 'border-style': 'double', 'border-color': muted },
    },
    { selector: 'node[?onPath]', style: { 'border-width': 5, 'border-color': '#cd4246' } },
    {
      selector: 'node:selected',
      style: { 'overlay-color': '#2d72d2', 'overlay-opacity': 0.22, 'overlay-padding': 6 },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'curve-style': 'bezier',
        'line-color': muted,
        'target-arrow-color': muted,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        opacity: 0.75,
        label: '',
        'font-size': 10,
        color: text,
        'text-outline-color': outline,
        'text-outline-width': 2,
        'text-rotation': 'autorotate',
      },
    },
    {
      selector: 'edge[?converts]',
      style: { 'line-style': 'dashed', 'line-color': '#0d8050', 'target-arrow-color': '#0d8050' },
    },
    {
      selector: 'edge[type = "holds"]',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': holds,
        'target-arrow-shape': 'none',
        opacity: 0.9,
        label: '',
      },
    },
    {
      selector: 'edge[?onPath]',
      style: { 'line-color': '#cd4246', 'target-arrow-color': '#cd4246', opacity: 1, label: 'data(label)' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#2d72d2', 'target-arrow-color': '#2d72d2', opacity: 1, label: 'data(label)' },
    },
  ];
}
