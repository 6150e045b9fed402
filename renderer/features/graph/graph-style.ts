import type cytoscape from 'cytoscape';
import { placeKindStyle } from '../../app/entity-kinds';

/**
 * One look per kind of place, the same colours as every table: the identifier kind gives the
 * colour, the place kind the shape (accounts are cards, wallets hexagons, exchanges diamonds,
 * shops tags, cash octagons, collections barrels).
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

export function graphStyle(dark: boolean): cytoscape.StylesheetJson {
  const text = dark ? '#f6f7f9' : '#1c2127';
  const muted = dark ? '#abb3bf' : '#5f6b7c';
  const outline = dark ? '#1c2127' : '#ffffff';
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
      selector: 'edge[?onPath]',
      style: { 'line-color': '#cd4246', 'target-arrow-color': '#cd4246', opacity: 1, label: 'data(label)' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': '#2d72d2', 'target-arrow-color': '#2d72d2', opacity: 1, label: 'data(label)' },
    },
  ];
}
