/** Vite's `?inline` imports: the file as a base64 data URL, bundled into the CLI. */
declare module '*.ttf?inline' {
  const dataUrl: string;
  export default dataUrl;
}
