/** The demo case «Снежок»: a seeded scenario and the statement files it renders to. */
export { buildScenario, DEMO_SEED, SHOP_PRICES } from './scenario';
export type { ChainTransfer, P2pOrder, Scenario, Transfer } from './scenario';
export { demoFiles } from './files';
export type { DemoFile } from './files';
export { statementEntries } from './entries';
export type { Entry } from './entries';
export { describeCase } from './answer-key';
export type { CaseSummary } from './answer-key';
export { demoManifest, demoReadme } from './readme';
