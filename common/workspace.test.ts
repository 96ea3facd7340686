import { describe, expect, it } from 'vitest';
import { conflictMessage } from './workspace';

describe('conflict messages, from where the reader stands', () => {
  const edit = { table: 'annotations', kind: 'concurrent_edit' as const, field: 'note', kept: 'A', lost: 'B', winner: 'ana', loser: 'bob' };
  it('tells the analyst whose value lost, the one whose stands, and a third reader', () => {
    expect(conflictMessage(edit, 'bob')).toBe('ana changed the note of this tag while you edited it: "A" stands; yours, "B", is kept in its history');
    expect(conflictMessage(edit, 'ana')).toBe('You and bob changed the note of this tag at the same time: yours, "A", came last and stands; bob\'s, "B", is kept in its history');
    expect(conflictMessage(edit, 'cleo')).toBe('ana and bob changed the note of this tag at the same time: ana\'s "A" stands; bob\'s "B" is kept in its history');
  });
  it('says what happened to an edit of something deleted, an orphan and a refusal', () => {
    expect(conflictMessage({ ...edit, kind: 'edit_of_deleted', winner: 'bob', loser: 'ana' }, 'ana')).toBe('bob deleted this tag; your change of its note was not applied and nothing was restored');
    expect(conflictMessage({ ...edit, kind: 'missing_parent', field: null, winner: 'bob', loser: 'ana' }, 'ana')).toBe('Your new tag was not kept: what it belongs to was deleted by bob');
    expect(conflictMessage({ ...edit, table: 'flags', kind: 'refused', field: null, kept: 'only an editor may confirm a flag', loser: 'ana' }, 'ana')).toBe(
      'The workspace refused your change of this flag: only an editor may confirm a flag',
    );
    expect(conflictMessage({ ...edit, kept: 'x'.repeat(80) }, 'bob')).toContain('…');
  });
});
