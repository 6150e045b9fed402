/** Statement import: bytes of one file in, one `StatementImport` out; and the preview before it. */
export { importStatement, importStatementAsync } from './pipeline/import-statement';
export { answerWith, BatchLedger, batchExtractor, packFindings } from './pipeline/remote-extraction';
export type {
  AsyncExtractionService,
  ExtractAnswer,
  ExtractionService,
  ExtractionSink,
  ExtractRequest,
  PackedFindings,
} from './pipeline/remote-extraction';
export { previewStatement } from './pipeline/preview';
export type {
  ImportOptions,
  MappingOverrides,
  PreviewOptions,
  PreviewTable,
  SheetPreview,
  StatementPreview,
} from './pipeline/types';
export { ImportError, unreadableRefusal } from './read/errors';
export type { ImportErrorDetails } from './read/errors';
export { DEFAULT_LIMITS, parseTimeRefusal } from './read/limits';
export type { ImportLimits } from './read/limits';
export { bytesSource, byteSourceOf } from './read/byte-source';
export type { ByteSource } from './read/byte-source';
export { sniff } from './read/sniff';
export type { Sniffed } from './read/sniff';
export { decodeText } from './read/decode';
export type { DecodedText, TextEncodingName } from './read/decode';
export { readCsv, detectDelimiter } from './read/csv';
export type { CsvRead } from './read/csv';
export { readWorkbook } from './read/workbook';
export type { WorkbookRead, WorkbookSheet } from './read/workbook';
export { readZipDirectory } from './read/zip';
export type { ZipEntry } from './read/zip';
