/**
 * Identifier recognition for MoneyTrail: parse, normalize, extract from text, resolve entities.
 * Pure and synchronous; safe in the Electron main process, the renderer and the CLI.
 */
export * from './types';
export * from './banks';
export * from './card';
export * from './masked-card';
export * from './iban';
export * from './phone';
export * from './wallets';
export * from './usdt';
export * from './iin';
export * from './recognize';
export * from './extract';
export * from './resolve';
export { distinctIdentifierCount } from './distinct';
export { hasContext, hasReferenceLabel, CONTEXT_WINDOW, type ContextTopic } from './context';
