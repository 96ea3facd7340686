import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../common/api';
import type { DocumentRecord } from '../../../common/domain';
import { SettingsDialog } from '../settings/SettingsDialog';
import { createDocumentStore, EMPTY_STATE, opened, reduce } from '../store/documentStore';
import type { Write } from '../workflow/useWriter';
import { AssessmentEditor } from './AssessmentEditor';

// The components as the server renders them (no DOM here): what they show and how they are named
// for assistive technology. Their behaviour runs in the browser e2e once the lead mounts them.

const doc: DocumentRecord = {
  id: 1, title: 'Doc', path: null, format: 'txt', chars: 10, importedAt: '', annotationCount: 0, version: 1, previousId: null, text: 'x'.repeat(10), blocks: [], sha256: '', metadata: {},
};
const client = {} as Client;
const write: Write = async () => undefined;

describe('AssessmentEditor', () => {
  it('shows nothing without an open document', () => {
    expect(renderToString(createElement(AssessmentEditor, { store: createDocumentStore(), client, write }))).toBe('');
  });

  it('labels the verdict and the summary, and shows the stored ones', () => {
    const store = createDocumentStore(
      reduce(
        EMPTY_STATE,
        opened(doc, {
          annotations: [], links: [], flags: [], sources: [], canUndo: false, canRedo: false,
          assessment: { id: 3, documentId: 1, verdict: 'misleading', summary: 'Counts disagree.', updatedAt: '2025-07-23T10:00:00.000Z' },
        }),
      ),
    );
    const html = renderToString(createElement(AssessmentEditor, { store, client, write }));
    expect(html).toMatch(/<section[^>]*aria-labelledby="([^"]+)"[^>]*>.*<h3 id="\1"[^>]*>Assessment<\/h3>/s);
    expect(html).toContain('>Verdict</');
    expect(html).toContain('Misleading');
    expect(html).toMatch(/<label[^>]*for="([^"]+)"[^>]*>Summary<\/label>.*<textarea[^>]*id="\1"[^>]*>Counts disagree\.<\/textarea>/s);
    expect(html).toContain('Last changed');
  });
});

describe('SettingsDialog', () => {
  it('renders nothing while closed', () => {
    expect(renderToString(createElement(SettingsDialog, { isOpen: false, client, onClose: () => {} }))).toBe('');
  });
});
