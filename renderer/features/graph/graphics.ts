/**
 * Which drawing path suits this computer. Cytoscape's WebGL renderer is much faster on a graphics
 * card and ~20× slower in software GL (docs/benchmarks.md: 2.2 vs 48 fps here), so it is the
 * default only where WebGL reports a real GPU; the investigator can still choose either.
 */
export type GpuKind = 'hardware' | 'software' | 'none';

export interface Graphics {
  gpu: GpuKind;
  /** What WebGL says it runs on, for the switch's tooltip ("ANGLE (NVIDIA …)"). */
  renderer: string;
}

/** Software rasterisers Chromium and Electron fall back to when there is no usable GPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

export function classifyGlRenderer(renderer: string | null): GpuKind {
  if (renderer === null) return 'none';
  return SOFTWARE.test(renderer) ? 'software' : 'hardware';
}

let detected: Graphics | null = null;

/** Asked once per page: creating a WebGL context costs a few milliseconds. */
export function detectGraphics(): Graphics {
  if (detected) return detected;
  let renderer: string | null = null;
  try {
    const gl = document.createElement('canvas').getContext('webgl2') ?? null;
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    renderer = null;
  }
  detected = { gpu: classifyGlRenderer(renderer), renderer: renderer ?? '' };
  return detected;
}

export type GraphRendererChoice = 'auto' | 'canvas' | 'webgl';

/** WebGL when chosen, or by default where there is a GPU and WebGL works. */
export function drawsWithWebgl(choice: GraphRendererChoice, gpu: GpuKind): boolean {
  if (gpu === 'none') return false;
  return choice === 'webgl' || (choice === 'auto' && gpu === 'hardware');
}
