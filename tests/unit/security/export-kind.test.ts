import { describe, expect, it } from 'vitest';
import {
  EXPORT_KINDS,
  EXPORT_KIND_EXTENSIONS,
  exportKindForMimeType,
} from '../../../shared/security/export-kind';

describe('exportKindForMimeType', () => {
  it.each([
    ['application/json', 'json'],
    ['application/geo+json', 'json'],
    ['text/csv; charset=utf-8', 'csv'],
    ['TEXT/MARKDOWN', 'markdown'],
    ['application/pdf', 'pdf'],
    ['text/plain', 'text'],
    ['', 'text'],
  ])('%s → %s', (mime, kind) => {
    expect(exportKindForMimeType(mime)).toBe(kind);
  });

  it('every kind has a save-dialog filter with at least one extension', () => {
    for (const kind of EXPORT_KINDS)
      expect(EXPORT_KIND_EXTENSIONS[kind].extensions.length).toBeGreaterThan(0);
  });
});
