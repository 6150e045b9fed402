import { describe, expect, it } from 'vitest';
import { cspDirectives, cspForHeader, cspForMetaTag } from './csp';

describe('content security policy', () => {
  const allSources = Object.values(cspDirectives).flat();

  it('allows no eval and no inline script or style', () => {
    expect(allSources).not.toContain("'unsafe-eval'");
    expect(allSources).not.toContain("'unsafe-inline'");
  });

  it('names no remote origin, so nothing can be loaded from a network', () => {
    for (const source of allSources) {
      expect(source, source).not.toMatch(/^(https?:|wss?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i);
    }
  });

  it('locks down the defaults, plugins, base URL, forms and framing', () => {
    expect(cspDirectives['default-src']).toEqual(["'self'"]);
    expect(cspDirectives['object-src']).toEqual(["'none'"]);
    expect(cspDirectives['base-uri']).toEqual(["'none'"]);
    expect(cspDirectives['form-action']).toEqual(["'none'"]);
    expect(cspForHeader).toContain("frame-ancestors 'none'");
    expect(cspForMetaTag).not.toContain('frame-ancestors');
  });
});
