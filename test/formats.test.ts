import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../common/domain';
import { EXPORT_FORMAT_INFO, IMPORT_EXTENSIONS, importFormatOf } from '../common/formats';
import { REPO } from './built';

// The format tables are the one list: what the OS associates with the app, what the importer
// reads and what the export schema accepts must all be those rows.

describe('formats', () => {
  it('electron-builder associates exactly the extensions the importer opens', () => {
    const yml = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    const line = /fileAssociations:\s*\n\s*-\s*ext:\s*\[([^\]]*)\]/.exec(yml);
    expect(line, 'electron-builder.yml has a fileAssociations ext list').not.toBeNull();
    const associated = line![1]!.split(',').map((e) => `.${e.trim()}`);
    expect([...associated].sort()).toEqual([...IMPORT_EXTENSIONS].sort());
  });

  it('every extension reads as one format, whatever its case', () => {
    for (const ext of IMPORT_EXTENSIONS) {
      expect(importFormatOf(ext), ext).not.toBeNull();
      expect(importFormatOf(ext.toUpperCase()), ext).toBe(importFormatOf(ext));
    }
    expect(importFormatOf('.doc')).toBeNull();
  });

  it('the export schema accepts exactly the rows of the export table', () => {
    expect([...EXPORT_FORMATS]).toEqual(Object.keys(EXPORT_FORMAT_INFO));
  });
});
