/**
 * The demo case is encrypted like any other case, under a passphrase the UI states where it is
 * needed (the demo dialog and the demo's unlock screen): it holds only synthetic statements.
 */
export const DEMO_PASSPHRASE = 'moneytrail demo';
