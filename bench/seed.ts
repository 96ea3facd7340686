import { insertMany } from '../db/bulk';
import type { Row } from '../db/changes';
import { openApp } from '../main/app';
import { annotationRows, generateAnnotations, generateText, random, type AnnotationSpec, type Generated, type Size } from './data';

// Fills a real database file through the real service (import of the text as a .txt file), and
// the annotations, sources, links and flags through the db layer's bulk path.

export interface Seeded {
  documentId: number;
  /** A second, short document: to open something else between runs. */
  otherId: number;
  /** The title the library shows for the document. */
  title: string;
  text: string;
  generated: Generated;
  annotations: AnnotationSpec[];
  paragraphs: Array<{ start: number; end: number }>;
}

export async function seedDatabase(dbPath: string, size: Size): Promise<Seeded> {
  const app = openApp(dbPath);
  try {
    const generated = generateText(size);
    const text = generated.text;
    const imported = await app.service.importBytes({
      name: `bench-${size.name}.txt`,
      dataBase64: Buffer.from(text, 'utf8').toString('base64'),
    });
    const documentId = imported.document.id;
    const other = await app.service.importBytes({
      name: 'bench-other.txt',
      dataBase64: Buffer.from('A short note.\n\nIt has two paragraphs, and nothing tagged.\n', 'utf8').toString('base64'),
    });
    const { document } = await app.service.getDocument({ id: documentId });
    if (document.text !== text) throw new Error('bench: the imported text differs from the generated one');

    const annotations = generateAnnotations(generated, size.annotations);
    const ids = insertMany(app.db, 'annotations', annotationRows(documentId, text, annotations));

    const rand = random(5);
    const createdAt = '2025-01-01T00:00:00.000Z';
    const sourceIds = insertMany(
      app.db,
      'sources',
      Array.from({ length: size.sources }, (_, i) => ({
        name: `Source ${i + 1}`,
        type: (['person', 'organisation', 'outlet', 'document', 'other'] as const)[i % 5]!,
        aliases: JSON.stringify(i % 4 === 0 ? [`S${i + 1}`] : []),
        reliability: 'ABCDEF'[i % 6]!,
        note: '',
        created_at: createdAt,
      })),
    );
    // Every attribution cites a source; every other one also points at the claim before it.
    const links: Row[] = [];
    for (let i = 0; i < annotations.length; i++) {
      if (annotations[i]!.kind !== 'attribution') continue;
      links.push({ from_id: ids[i]!, to_annotation_id: null, to_source_id: sourceIds[Math.floor(rand() * sourceIds.length)]! });
      const claim = annotations.slice(Math.max(0, i - 3), i).findIndex((a) => a.kind === 'claim');
      if (i % 2 === 0 && claim >= 0) links.push({ from_id: ids[i]!, to_annotation_id: ids[Math.max(0, i - 3) + claim]!, to_source_id: null });
    }
    insertMany(app.db, 'links', links);
    const claims = ids.filter((_, i) => annotations[i]!.kind === 'claim');
    const flagIds = insertMany(
      app.db,
      'flags',
      Array.from({ length: size.flags }, (_, i) => ({
        document_id: documentId,
        explanation: `The figures in these claims disagree (${i + 1}).`,
        status: (['open', 'confirmed', 'explained', 'dismissed'] as const)[i % 4]!,
        note: '',
        created_at: createdAt,
      })),
    );
    const members: Row[] = [];
    flagIds.forEach((flagId, i) => {
      const a = Math.floor(((i + 0.5) / flagIds.length) * claims.length);
      const b = Math.min(claims.length - 1, a + 1 + Math.floor(rand() * 40));
      members.push({ flag_id: flagId, annotation_id: claims[a]! });
      if (b !== a) members.push({ flag_id: flagId, annotation_id: claims[b]! });
    });
    insertMany(app.db, 'flag_members', members);

    return {
      documentId,
      otherId: other.document.id,
      title: document.title,
      text,
      generated,
      annotations,
      paragraphs: document.blocks.map((b) => ({ start: b.start, end: b.end })),
    };
  } finally {
    app.close();
  }
}
