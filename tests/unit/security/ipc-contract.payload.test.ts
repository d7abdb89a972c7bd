import { describe, expect, it } from 'vitest';
import {
  IPC_CHANNELS,
  MAX_EXPORT_BYTES,
  openScenarioFilesRequestSchema,
  parseIpcPayload,
  printToPdfRequestSchema,
  saveExportRequestSchema,
} from '../../../shared/security/ipc-contract';

const save = (payload: unknown) => () =>
  parseIpcPayload(IPC_CHANNELS.saveExport, saveExportRequestSchema, payload);

describe('save-export payload', () => {
  it('accepts text and bytes', () => {
    expect(save({ suggestedName: 'log.json', content: '{}', kind: 'log-bundle' })()).toEqual({
      suggestedName: 'log.json',
      content: '{}',
      kind: 'log-bundle',
    });
    const bytes = new Uint8Array([1, 2, 3]);
    expect(save({ suggestedName: 'r.pdf', content: bytes, kind: 'pdf' })().content).toBe(bytes);
  });

  it.each([
    [null, '(payload)'],
    ['log.json', '(payload)'],
    [{ content: '{}', kind: 'json' }, 'suggestedName'],
    [{ suggestedName: '', content: '{}', kind: 'json' }, 'suggestedName: suggestedName is empty'],
    [{ suggestedName: '../../.bashrc', content: 'x', kind: 'text' }, 'not a path'],
    [{ suggestedName: 'C:\\evil.txt', content: 'x', kind: 'text' }, 'not a path'],
    [{ suggestedName: '/etc/passwd', content: 'x', kind: 'text' }, 'not a path'],
    [{ suggestedName: 'a\u0000b', content: 'x', kind: 'text' }, 'control character'],
    [{ suggestedName: '..', content: 'x', kind: 'text' }, 'suggestedName'],
    [{ suggestedName: 'log:1.json', content: 'x', kind: 'json' }, 'one of < > : " | ? *'],
    [{ suggestedName: 'x'.repeat(201), content: 'x', kind: 'text' }, 'longer than 200'],
    [{ suggestedName: 'x.json', content: 42, kind: 'json' }, 'content'],
    [{ suggestedName: 'x.json', content: [1, 2], kind: 'json' }, 'content'],
    [{ suggestedName: 'x.json', content: '{}', kind: 'exe' }, 'kind'],
    [{ suggestedName: 'x.json', content: '{}', kind: 'json', path: '/tmp/x' }, 'path'],
  ])('rejects %j naming %s', (payload, where) => {
    expect(save(payload)).toThrow(/^truceline:save-export: invalid payload: /);
    expect(save(payload)).toThrow(where);
  });
});

describe('open-scenario-files and print-to-pdf payloads', () => {
  it('open takes exactly { folder: boolean }', () => {
    const open = (p: unknown) => () =>
      parseIpcPayload(IPC_CHANNELS.openScenarioFiles, openScenarioFilesRequestSchema, p);
    expect(open({ folder: true })()).toEqual({ folder: true });
    expect(open({ folder: 'yes' })).toThrow(
      /truceline:open-scenario-files: invalid payload: folder/,
    );
    expect(open(undefined)).toThrow(/invalid payload/);
    expect(open({ folder: false, path: '/etc' })).toThrow(/invalid payload/);
  });

  it('print takes a file name and optional layout', () => {
    const print = (p: unknown) => () =>
      parseIpcPayload(IPC_CHANNELS.printToPdf, printToPdfRequestSchema, p);
    expect(print({ suggestedName: 'report.pdf', landscape: true, pageSize: 'Letter' })()).toEqual({
      suggestedName: 'report.pdf',
      landscape: true,
      pageSize: 'Letter',
    });
    expect(print({ suggestedName: 'report.pdf', pageSize: 'A0' })).toThrow(/pageSize/);
  });
});

describe('save-export size limit', () => {
  it('refuses content over MAX_EXPORT_BYTES, as text or bytes', () => {
    const over = MAX_EXPORT_BYTES + 1;
    expect(save({ suggestedName: 'big.csv', content: new Uint8Array(over), kind: 'csv' })).toThrow(
      /content: content is over 384 MiB/,
    );
    expect(save({ suggestedName: 'big.csv', content: 'x'.repeat(over), kind: 'csv' })).toThrow(
      /content is over 384 MiB/,
    );
    expect(
      save({ suggestedName: 'ok.csv', content: new Uint8Array(MAX_EXPORT_BYTES), kind: 'csv' })()
        .kind,
    ).toBe('csv');
  });
});
