import { useTranslation } from 'react-i18next';
import type { IntegrityCheck } from '../../../shared/model/statement';
import { useFormat } from '../../app/use-format';

const MONEY_PARAMS = ['opening', 'credits', 'debits', 'computed', 'stated', 'difference', 'closing'];

/** An integrity check in the investigator's language; older records without a code show their prose. */
export function CheckMessage({ check }: { check: IntegrityCheck }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!check.code || !check.params) return <>{check.message}</>;
  const params: Record<string, string | number> = { ...check.params };
  const currency = typeof check.params.currency === 'string' ? check.params.currency : null;
  for (const name of MONEY_PARAMS) {
    const value = check.params[name];
    if (typeof value !== 'number') continue;
    params[name] = currency
      ? format.money(value, currency)
      : format.money(value, 'XXX').replace(/\s*XXX$/, '');
  }
  if (typeof check.params.order === 'string') params.order = t(`checks.order.${check.params.order}`);
  return (
    <>
      {t(`checks.${check.code}`, {
        ...params,
        count: typeof check.params.days === 'number' ? check.params.days : undefined,
      })}
    </>
  );
}
