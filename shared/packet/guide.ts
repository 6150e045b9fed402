/**
 * VERIFY.txt: how the recipient of a seizure packet checks it is the investigator's, unaltered —
 * with MoneyTrail, or by hand with tools any IT department has. In Russian, Kazakh and English,
 * because packets go to banks, to exchanges abroad and to courts. The by-hand rule below must
 * stay exactly what manifest.ts `canonicalBody` and sign.ts do; guide.test.ts checks it by
 * rebuilding the signed text from this description.
 */
import { MANIFEST_FILE, PACKET_FORMAT, PACKET_VERSION } from './manifest';

export const GUIDE_FILE = 'VERIFY.txt';

const CANONICAL = `{"format":"${PACKET_FORMAT}","version":${PACKET_VERSION},"publicKey":"<hex>","files":[{"path":"…","size":…,"sha256":"…"},…]}`;

function ru(fp: string): string[] {
  return [
    'ПРОВЕРКА ПАКЕТА ДОКУМЕНТОВ ОБ АРЕСТЕ (MoneyTrail)',
    '',
    'Что в пакете:',
    '  - письма-требования об аресте (PDF) и реестр активов (XLSX);',
    '  - отчёт о трассировке денег (PDF): откуда и куда шли деньги, со ссылками на строки выписок;',
    '  - evidence/: список выписок с SHA-256, утверждения со ссылками на строки, журнал действий по делу;',
    `  - ${MANIFEST_FILE}: каждый файл пакета с размером и SHA-256 и электронная подпись Ed25519.`,
    '',
    'Проверка программой MoneyTrail:',
    `  moneytrail verify PACKET.zip --expect "${fp}"`,
    '  «OK» значит: ни один файл не изменён, не добавлен и не удалён, а подписал владелец ключа с этим отпечатком.',
    '  Отпечаток сверьте со следователем по другому каналу (телефон, сопроводительное письмо).',
    '',
    'Проверка вручную, без MoneyTrail:',
    `  1. Распакуйте архив. Для каждого файла из ${MANIFEST_FILE} ("files") выполните sha256sum ФАЙЛ`,
    '     и сравните с полем "sha256" и размер с полем "size". Кроме самого manifest.json, файлов вне списка быть не должно.',
    '  2. Подписан UTF-8 текст JSON без пробелов, ключи в этом порядке, файлы по возрастанию пути:',
    `     ${CANONICAL}`,
    '     (поля "signature" в подписанном тексте нет). Подпись Ed25519 — поле "signature" (hex),',
    '     открытый ключ — поле "publicKey" (hex, 32 байта); проверьте её любой библиотекой Ed25519.',
    '  3. Отпечаток ключа = первые 16 байт SHA-256 от 32 байт открытого ключа, hex заглавными, группами по 4.',
    `     Он должен совпасть с: ${fp}`,
  ];
}

function kk(fp: string): string[] {
  return [
    'ТЫЙЫМ САЛУ ТУРАЛЫ ҚҰЖАТТАР ПАКЕТІН ТЕКСЕРУ (MoneyTrail)',
    '',
    'Пакетте не бар:',
    '  - тыйым салу туралы талап хаттар (PDF) және активтер тізілімі (XLSX);',
    '  - ақша трассировкасы туралы есеп (PDF): ақша қайдан және қайда барды, үзінді жолдарына сілтемелермен;',
    '  - evidence/: SHA-256 бар үзінділер тізімі, жолдарға сілтемесі бар тұжырымдар, іс бойынша әрекеттер журналы;',
    `  - ${MANIFEST_FILE}: пакеттің әр файлы көлемі және SHA-256 мәнімен, Ed25519 электрондық қолтаңбасы.`,
    '',
    'MoneyTrail бағдарламасымен тексеру:',
    `  moneytrail verify PACKET.zip --expect "${fp}"`,
    '  «OK» дегеніміз: ешбір файл өзгертілмеген, қосылмаған, жойылмаған, ал осы таңбалы кілттің иесі қол қойған.',
    '  Кілт таңбасын тергеушімен басқа арна арқылы (телефон, ілеспе хат) салыстырыңыз.',
    '',
    'MoneyTrail-сіз қолмен тексеру:',
    `  1. Мұрағатты ашыңыз. ${MANIFEST_FILE} ("files") тізіміндегі әр файл үшін sha256sum ФАЙЛ орындап,`,
    '     "sha256" өрісімен, көлемін "size" өрісімен салыстырыңыз. manifest.json-нан басқа тізімнен тыс файл болмауы тиіс.',
    '  2. Қол қойылған мәтін — бос орынсыз UTF-8 JSON, кілттер осы ретпен, файлдар жол бойынша өсу ретімен:',
    `     ${CANONICAL}`,
    '     (қол қойылған мәтінде "signature" өрісі жоқ). Ed25519 қолтаңбасы — "signature" өрісі (hex),',
    '     ашық кілт — "publicKey" өрісі (hex, 32 байт); оны кез келген Ed25519 кітапханасымен тексеріңіз.',
    '  3. Кілт таңбасы = ашық кілттің 32 байтынан алынған SHA-256-ның алғашқы 16 байты, бас әріппен hex, 4-тен топталған.',
    `     Ол мынамен сәйкес келуі тиіс: ${fp}`,
  ];
}

function en(fp: string): string[] {
  return [
    'VERIFYING THIS SEIZURE PACKET (MoneyTrail)',
    '',
    'What the packet holds:',
    '  - the freeze request letters (PDF) and the register of assets (XLSX);',
    '  - the trace report (PDF): where the money came from and went, citing statement rows;',
    '  - evidence/: the statements relied on with their SHA-256, each claim with its rows, the case audit log;',
    `  - ${MANIFEST_FILE}: every file of the packet with its size and SHA-256, and an Ed25519 signature.`,
    '',
    'With MoneyTrail:',
    `  moneytrail verify PACKET.zip --expect "${fp}"`,
    '  "OK" means no file was altered, added or removed, and the holder of the key with this fingerprint signed it.',
    '  Confirm the fingerprint with the investigator over another channel (phone, covering letter).',
    '',
    'By hand, without MoneyTrail:',
    `  1. Unzip. For each file listed in ${MANIFEST_FILE} ("files") run sha256sum FILE and compare with`,
    '     its "sha256", and its byte size with "size". No file but manifest.json itself may be outside the list.',
    '  2. The signed text is UTF-8 JSON without spaces, keys in this order, files sorted by path:',
    `     ${CANONICAL}`,
    '     (the signed text has no "signature" field). The Ed25519 signature is "signature" (hex), the',
    '     public key is "publicKey" (hex, 32 bytes); check it with any Ed25519 library.',
    '  3. The key fingerprint = the first 16 bytes of SHA-256 of the 32 public key bytes, upper-case hex in groups of 4.',
    `     It must read: ${fp}`,
  ];
}

/** VERIFY.txt for a packet signed by the key with `fingerprint` (manifest.ts `fingerprint`). */
export function verificationGuide(fingerprint: string): string {
  const rule = '='.repeat(78);
  return [...ru(fingerprint), '', rule, '', ...kk(fingerprint), '', rule, '', ...en(fingerprint), ''].join(
    '\r\n',
  );
}
