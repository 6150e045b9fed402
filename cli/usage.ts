/** Help texts: the public interface of the CLI, kept next to each other so they stay consistent. */
export const MAIN_USAGE = `Usage: moneytrail <command> [options]

Commands:
  import CASE FILE...    import bank statements into a case file (created if missing)
  summary CASE [--json]  print what a case file holds
  trace CASE --from ID   follow the money from an identifier (see trace --help)
  packet CASE --from ID --out PACKET.zip
                         build a signed seizure packet from a trace (see packet --help)
  verify PACKET.zip      check that a seizure packet is unchanged and who signed it

Options:
  -h, --help             show help (also: moneytrail <command> --help)
  -V, --version          show the version

Sealed case files (encrypted under a passphrase, as the app exports them) are read and written
with the passphrase from --passphrase-file FILE or the MONEYTRAIL_CASE_PASSPHRASE variable.

Exit codes: 0 done, 1 a file could not be read or written (a wrong passphrase included),
2 wrong usage, 3 a packet failed verification.
`;

export const IMPORT_USAGE = `Usage: moneytrail import CASE FILE... [--title TEXT] [--actor NAME] [--zone ZONE]

Imports each statement FILE (xlsx, xls, csv, MT940, CAMT.053) into the case file CASE.
CASE is created when it does not exist; its title is the file name unless --title is given.
A FILE whose SHA-256 is already in the case is skipped ("already imported").
Each imported file is recorded in the case's audit log.

All or nothing: if any FILE cannot be read, the reason (file, sheet, row, column) is printed,
the exit code is 1 and CASE is left exactly as it was. Fix or drop the file and run again.
Rejected rows inside a readable file are not a failure: they are listed in the case.

Options:
  --title TEXT   title of a new case (ignored if CASE exists)
  --actor NAME   who the audit log records (default: the operating-system user)
  --zone ZONE    time zone for times written without one (default: Asia/Almaty)
  --passphrase-file F
                 the passphrase of a sealed CASE: the first line of F (or set
                 MONEYTRAIL_CASE_PASSPHRASE). A new CASE is sealed when one is given
  -h, --help     show this help
`;

export const SUMMARY_USAGE = `Usage: moneytrail summary CASE [--json]

Prints the sources, identifiers, invalid identifiers and masked-card resolutions of CASE.

Options:
  --json       machine-readable JSON (amounts in major units, e.g. 5000.5; exact integers in
               creditMinor/debitMinor)
  --passphrase-file F
               the passphrase of a sealed CASE (or MONEYTRAIL_CASE_PASSPHRASE)
  -h, --help   show this help
`;

export const TRACE_USAGE = `Usage: moneytrail trace CASE --from IDENTIFIER [--from ...] [--direction down|up]
                       [--method pro-rata|fifo|lifo|poisoned] [--max-hops N] [--json]

Follows the money from the seed IDENTIFIER(s): where it went (down) or where it came from (up),
moving only forward in time. IDENTIFIER is written as a person would: 87011234567, a card with
spaces, a masked card, an IBAN, a wallet address, an IIN/BIN (every account it holds), or an
exchange name such as Binance. Transfers by phone continue through the card or account the
phone is bound to. Read-only: CASE is not changed.

Options:
  --from ID          seed identifier (repeatable)
  --direction D      down (default) or up
  --method M         pro-rata (default), fifo, lifo, or poisoned (any contact, for reference)
  --max-hops N       stop after N transfers from the seed (default 6)
  --min-amount A     do not follow transfers carrying less than A (seed currency, major units)
  --since DAY        only money that moved on or after DAY (YYYY-MM-DD, Asia/Almaty)
  --until DAY        only money that moved on or before DAY
  --stop-at ID       treat ID as where the trail ends (repeatable)
  --continue-through ID  follow the money on through ID, an exchange or shop (repeatable)
  --paths N          paths listed per place in --json, for the 300 places that hold the most
                     (default 5; 0 for none)
  --threshold NAME=VALUE
                     adjust a pattern threshold (repeatable), e.g. dropMinSenders=5,
                     dropForwardShare=0.7, structuringLimits.KZT=1000000,7000000; each finding
                     lists the thresholds it was checked against
  --json             machine-readable JSON: seed, method, direction, currency, reached[],
                     freezeCandidates[], patterns[]; amount is in the seed's currency
  --passphrase-file F the passphrase of a sealed CASE (or MONEYTRAIL_CASE_PASSPHRASE)
  -h, --help         show this help

Exit codes: 0 done, 1 the case cannot be read or a seed is not in it, 2 wrong usage.
`;

export const VERIFY_USAGE = `Usage: moneytrail verify PACKET.zip [--expect FINGERPRINT]

Checks a seizure packet: every file against the SHA-256 in its manifest.json, and the manifest's
Ed25519 signature. Prints OK and the signer fingerprint, or each altered, added and missing file.
A valid signature shows only that the packet is unchanged since someone signed it: compare the
fingerprint with the one the sending investigator gave you (or pass it as --expect).

Options:
  --expect FP   also fail unless the signer fingerprint is FP (spaces and case ignored)
  -h, --help    show this help

Exit codes: 0 intact, 1 the file cannot be read, 2 wrong usage, 3 altered, added or missing
files, a bad signature, or another signer than --expect.
`;

export const PACKET_USAGE = `Usage: moneytrail packet CASE --from IDENTIFIER --out PACKET.zip [--top N] [--lang ru|kk]

Traces the money from IDENTIFIER (as in moneytrail trace), takes the top N freeze candidates
(default 10) as approved freeze requests, and writes the signed seizure packet: a freeze request
letter per institution (DOCX and PDF), the asset registry (XLSX), the trace report (PDF), the
evidence manifest, VERIFY.txt and manifest.json signed with this user's Ed25519 key. The export
is recorded in the case's audit log. Check a packet with: moneytrail verify PACKET.zip

Options:
  --from ID          seed identifier; repeat for several seeds
  --out FILE         where to write the packet (ZIP)
  --top N            how many freeze candidates to request (default 10)
  --lang ru|kk       language of the letters and the report (default ru)
  --method M         pro-rata (default), fifo or lifo
  --direction D      down (default) or up
  --per-institution  one packet per institution, written as FILE-<institution>.zip
  --basis TEXT       legal basis written on every request (default: ст. 161 УПК РК)
  --key FILE         signing key file (default: $MONEYTRAIL_HOME/packet-signing-key, else
                     ~/.config/moneytrail/packet-signing-key; made on first use)
  --actor NAME       who the audit log records (default: the OS user)
  --registry-number N, --investigator NAME, --position TEXT, --organisation TEXT, --city TEXT
                     what the letters cite and who signs them (default: the case's own facts;
                     the organisation is written in the genitive: "СУ ДП г. Алматы")
  --passphrase-file F the passphrase of a sealed CASE (or MONEYTRAIL_CASE_PASSPHRASE)
  -h, --help         show this help

Exit codes: 0 written, 1 the case, the key or the packet could not be read or written, or the
seed was not found, 2 wrong usage.
`;
