export * from './contract';
export * from './file-kinds';
export * from './methods';
export * from './result';
