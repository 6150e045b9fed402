export * from './errors';
export * from './kdf';
export * from './keyring';
export * from './envelope';
export * from './columnar';
export * from './index-keys';
export * from './auto-lock';
