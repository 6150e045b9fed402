import { describe, expect, it } from 'vitest';
import { classifyGlRenderer, drawsWithWebgl } from './graphics';

describe('choosing the graph renderer', () => {
  it('tells software GL from a graphics card by what WebGL reports', () => {
    const software = [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Mesa lavapipe',
    ];
    for (const r of software) expect(classifyGlRenderer(r), r).toBe('software');
    const hardware = [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3050 Laptop GPU Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'Apple M2',
    ];
    for (const r of hardware) expect(classifyGlRenderer(r), r).toBe('hardware');
    expect(classifyGlRenderer(null)).toBe('none');
  });

  it('uses WebGL by default only on a GPU, and never where WebGL does not work', () => {
    expect(drawsWithWebgl('auto', 'hardware')).toBe(true);
    expect(drawsWithWebgl('auto', 'software')).toBe(false);
    expect(drawsWithWebgl('webgl', 'software')).toBe(true);
    expect(drawsWithWebgl('canvas', 'hardware')).toBe(false);
    expect(drawsWithWebgl('webgl', 'none')).toBe(false);
  });
});
