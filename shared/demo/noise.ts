/**
 * Everyday rows around the trail: groceries, taxis, a salary, utilities, a relative's help. They
 * give each statement the texture of a real account, so the investigator has to find the trail
 * instead of reading the whole file as one.
 */
import type { Company, Person, Registry } from './cast';
import type { Random } from './ids';
import { int, pick } from './ids';
import type { Transfer } from './scenario';

const DAY = 86_400_000;
const MINUTE = 60_000;

type Push = (t: Omit<Transfer, 'id'>) => Transfer;

const SHOPS: readonly (readonly [string, string, Company['bank']])[] = [
  ['magnum', 'ТОО "Magnum Cash&Carry"', 'halyk'],
  ['small', 'ТОО "Small"', 'bcc'],
  ['yandex', 'ТОО "Яндекс.Такси Корп"', 'forte'],
  ['kcell', 'АО "Кселл"', 'halyk'],
  ['wolt', 'ТОО "Wolt Kazakhstan"', 'kaspi'],
  ['helios', 'ТОО "Гелиос"', 'jusan'],
  ['alseco', 'ТОО "Алсеко"', 'halyk'],
  ['employer', 'ТОО "Алатау Логистик"', 'halyk'],
];

export function addNoise(
  random: Random,
  reg: Registry,
  people: Map<string, Person>,
  drops: readonly string[],
  collector: string,
  start: number,
  days: number,
  push: Push,
): Map<string, Company> {
  const companies = new Map<string, Company>();
  for (const [key, name, bank] of SHOPS) companies.set(key, reg.company(key, name, bank));
  const relative = (key: string): string => {
    const p = reg.person(key, random() < 0.7 ? 'kaspi' : 'halyk');
    people.set(key, p);
    return key;
  };
  const at = (d: number, fromHour: number, toHour: number): number =>
    start + d * DAY + int(random, fromHour * 60, toHour * 60) * MINUTE + int(random, 0, 59) * 1000;
  const tenge = (lo: number, hi: number): number =>
    int(random, lo, hi) * 100 + (random() < 0.4 ? int(random, 1, 99) : 0);

  drops.forEach((drop, i) => {
    const mother = relative(`relative${i + 1}`);
    for (let d = 0; d < days; d++) {
      for (let k = int(random, 0, 2); k > 0; k--) {
        const shop = pick(random, ['magnum', 'small', 'yandex', 'wolt']);
        push({
          wall: at(d, 8, 21),
          from: drop,
          to: shop,
          amountMinor: tenge(800, 14_000),
          channel: 'pos',
          hop: 'noise',
          knp: '710',
        });
      }
      if (d % 7 === 3) {
        push({
          wall: at(d, 12, 19),
          from: mother,
          to: drop,
          amountMinor: int(random, 10, 30) * 1_000_00,
          channel: 'phone',
          hop: 'noise',
          note: 'на продукты',
          knp: '119',
        });
      }
      if (d % 30 === 5) {
        push({
          wall: at(d, 9, 12),
          from: drop,
          to: 'kcell',
          amountMinor: 3_990_00,
          channel: 'pos',
          hop: 'noise',
          knp: '840',
        });
      }
    }
  });

  const landlord = relative('landlord');
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * DAY).getUTCDate();
    if (day === 10) {
      const month = new Date(start + d * DAY).getUTCMonth();
      push({
        wall: at(d, 10, 11),
        from: 'employer',
        to: collector,
        amountMinor: 412_500_00,
        channel: 'account',
        hop: 'noise',
        note: `Заработная плата за ${month === 8 ? 'август' : 'сентябрь'} 2024`,
        knp: '311',
      });
    }
    if (day === 5) {
      push({
        wall: at(d, 18, 20),
        from: collector,
        to: landlord,
        amountMinor: 180_000_00,
        channel: 'phone',
        hop: 'noise',
        note: 'аренда квартиры',
        knp: '119',
      });
      push({
        wall: at(d, 12, 14),
        from: collector,
        to: 'alseco',
        amountMinor: tenge(14_000, 22_000),
        channel: 'account',
        hop: 'noise',
        note: 'Коммунальные услуги, лицевой счет 3051127',
        knp: '840',
      });
    }
    if (random() < 0.45)
      push({
        wall: at(d, 12, 22),
        from: collector,
        to: pick(random, ['magnum', 'helios', 'wolt']),
        amountMinor: tenge(2_500, 38_000),
        channel: 'pos',
        hop: 'noise',
        knp: '710',
      });
  }
  return companies;
}
