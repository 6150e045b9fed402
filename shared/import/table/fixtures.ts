/**
 * Seeded, deterministic statement sheets in every layout of KZ-BANK-FORMATS.md, each with the
 * transactions a correct import must produce. Used by the tests here and by the benchmark and
 * demo generators: `allFixtures(seed)` for the set, or one generator with a larger `count`.
 */
import type { Fixture } from './fixture-kit';
import { freedomFixture, halykFixture, kaspiFixture, vtbFixture } from './fixtures-banks';
import { binanceP2pFixture, tronScanFixture } from './fixtures-crypto';
import {
  centerCreditBlocksFixture,
  centerCreditSheetsFixture,
  deltaFixture,
  forteFixture,
  kassaNovaFixture,
} from './fixtures-others';

export type { ExpectedTransaction, Fixture, FixtureSheet } from './fixture-kit';
export { rng, iban, iin, person, formatRu, formatWall, excelSerial } from './fixture-kit';
export { freedomFixture, halykFixture, kaspiFixture, vtbFixture } from './fixtures-banks';
export { binanceP2pFixture, tronScanFixture, tronAddress } from './fixtures-crypto';
export {
  centerCreditBlocksFixture,
  centerCreditSheetsFixture,
  deltaFixture,
  forteFixture,
  kassaNovaFixture,
} from './fixtures-others';

export function allFixtures(seed = 1): Fixture[] {
  return [
    halykFixture(seed),
    kaspiFixture(seed + 1),
    freedomFixture(seed + 2),
    vtbFixture(seed + 3),
    centerCreditSheetsFixture(seed + 4),
    centerCreditBlocksFixture(seed + 5),
    deltaFixture(seed + 6),
    kassaNovaFixture(seed + 7),
    forteFixture(seed + 8),
    binanceP2pFixture(seed + 9),
    tronScanFixture(seed + 10),
  ];
}
