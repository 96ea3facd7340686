import { Node } from '@tiptap/core';

// A table in the read-only document (a 'table' block: see common/domain.ts and textMap.ts). The
// text is never edited here, so these are plain nodes: no column resizing or cell selection
// plugins (TipTap's own table extension brings those, and pins another TipTap version).

const Table = Node.create({
  name: 'table',
  group: 'block',
  content: 'tableRow+',
  isolating: true,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: () => ['table', { class: 'cs-table' }, ['tbody', 0]],
});

const TableRow = Node.create({
  name: 'tableRow',
  content: '(tableCell | tableHeader)+',
  parseHTML: () => [{ tag: 'tr' }],
  renderHTML: () => ['tr', 0],
});

const TableCell = Node.create({
  name: 'tableCell',
  content: 'paragraph',
  isolating: true,
  parseHTML: () => [{ tag: 'td' }],
  renderHTML: () => ['td', 0],
});

const TableHeader = Node.create({
  name: 'tableHeader',
  content: 'paragraph',
  isolating: true,
  parseHTML: () => [{ tag: 'th' }],
  renderHTML: () => ['th', { scope: 'col' }, 0],
});

export const TABLE_NODES = [Table, TableRow, TableCell, TableHeader];
