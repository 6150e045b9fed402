/**
 * An amount as an investigator types it in the register ("1 250 000,50", "5900.5") read into
 * integer minor units of `currency` by the same parser the importer uses, so a comma decimal
 * or grouped thousands mean the same everywhere. Null when it is not an amount.
 */
import { currencyMinorDigits } from '../model/currency';
import { parseAmount } from '../import/table/amount';

export function parseAmountInput(text: string, currency: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const parsed = parseAmount(trimmed, { fractionDigits: currencyMinorDigits(currency) });
  if (!parsed.ok || parsed.value.minor < 0) return null;
  return parsed.value.minor;
}
