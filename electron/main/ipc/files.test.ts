import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileHandlers, writeAtomically } from './files';

const folder = () => mkdtempSync(path.join(tmpdir(), 'mt-files-'));

function handlersWith(open: string[] | null, save: string | null, saveFolder = folder()) {
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: open === null, filePaths: open ?? [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: save === null, filePath: save ?? '' })),
  };
  return {
    dialog,
    ...fileHandlers({ dialog: dialog as never, window: () => null, defaultSaveFolder: () => saveFolder }),
  };
}

describe('openFiles', () => {
  it('returns the chosen files as bytes with bare names, filtered by purpose', async () => {
    const dir = folder();
    const file = path.join(dir, 'Halyk 2025.csv');
    writeFileSync(file, 'Дата;Сумма\n01.01.2025;100\n');
    const { openFiles, dialog } = handlersWith([file], null);
    const [picked] = await openFiles({ purpose: 'statement', multiple: false });
    expect(picked?.name).toBe('Halyk 2025.csv');
    expect(new TextDecoder().decode(picked?.bytes)).toContain('01.01.2025');
    const options = dialog.showOpenDialog.mock.calls[0] as unknown as [
      { filters: { extensions: string[] }[]; properties: string[] },
    ];
    expect(options[0].filters[0]?.extensions).toContain('xlsx');
    expect(options[0].properties).toEqual(['openFile']);
  });

  it('returns nothing when the investigator cancels', async () => {
    const { openFiles } = handlersWith(null, null);
    expect(await openFiles({ purpose: 'statement', multiple: true })).toEqual([]);
  });

  it('names the file that cannot be read', async () => {
    const { openFiles } = handlersWith(['/nonexistent/statement.xlsx'], null);
    await expect(openFiles({ purpose: 'statement', multiple: false })).rejects.toMatchObject({
      code: 'file-unreadable',
      message: 'statement.xlsx could not be read',
    });
  });
});

describe('saveFile', () => {
  it('writes the bytes where the investigator chose, with no temp file left', async () => {
    const dir = folder();
    const target = path.join(dir, 'packet.zip');
    const { saveFile, dialog } = handlersWith(null, target, dir);
    expect(
      await saveFile({ suggestedName: 'packet.zip', kind: 'packet', bytes: new Uint8Array([80, 75, 3, 4]) }),
    ).toEqual({
      saved: true,
      name: 'packet.zip',
    });
    expect([...readFileSync(target)]).toEqual([80, 75, 3, 4]);
    expect(readdirSync(dir)).toEqual(['packet.zip']);
    const [options] = dialog.showSaveDialog.mock.calls[0] as unknown as [{ defaultPath: string }];
    expect(options.defaultPath).toBe(path.join(dir, 'packet.zip'));
  });

  it('reports a cancelled save as not saved', async () => {
    const { saveFile } = handlersWith(null, null);
    expect(await saveFile({ suggestedName: 'a.zip', kind: 'packet', bytes: new Uint8Array(1) })).toEqual({
      saved: false,
    });
  });

  it('fails cleanly, leaving nothing behind, when the folder cannot be written', async () => {
    await expect(writeAtomically('/nonexistent-folder/packet.zip', new Uint8Array(1))).rejects.toMatchObject({
      code: 'write-failed',
    });
  });
});
