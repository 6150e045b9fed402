/// <reference types="vite/client" />

/** Injected by Vite from package.json at build time. */
declare const __APP_VERSION__: string;

/** cytoscape-svg ships no types: it registers `cy.svg(options)` returning the drawing as SVG text. */
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
