import policy from './content-security-policy.json';

type Directives = Record<string, readonly string[]>;

function serialize(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** For the <meta> tag: browsers ignore frame-ancestors there, so it is left out. */
export const cspForMetaTag = serialize(policy.directives);

/** For HTTP-style response headers (Electron's protocol handler, the web host's server). */
export const cspForHeader = serialize({ ...policy.directives, ...policy.headerOnly });

export const cspDirectives: Readonly<Directives> = { ...policy.directives, ...policy.headerOnly };
