/**
 * The PDF fonts, bundled into the CLI like the bank tables: DejaVu Sans covers Cyrillic, every
 * Kazakh letter and ₸, and needs no font to be installed on the investigator's machine.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import type { PacketFonts } from '../shared/packet/types';

function fromDataUrl(url: string): Uint8Array {
  const base64 = url.slice(url.indexOf(',') + 1);
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

let fonts: PacketFonts | null = null;

export function packetFonts(): PacketFonts {
  fonts ??= { regular: fromDataUrl(regularUrl), bold: fromDataUrl(boldUrl) };
  return fonts;
}
