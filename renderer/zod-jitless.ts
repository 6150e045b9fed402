import { z } from 'zod';

// Zod compiles object schemas with `new Function` when it is allowed, deciding when each schema is
// defined. Our CSP forbids eval, so the probe itself is a reported violation. Imported first in
// main.tsx, before any module defines a schema.
z.config({ jitless: true });
