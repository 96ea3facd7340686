import { describe, expect, it } from 'vitest';
import type { Source } from '../../../common/domain';
import { guessSourceName, searchSources, sourceNamed, sourceNamedIn, bestSourceMatch, similarSource } from './guess';

const source = (id: number, name: string, aliases: string[] = []): Source => ({ id, name, aliases, type: 'person', reliability: 'F', note: '' });

describe('guessSourceName', () => {
  it.each([
    ['presidential aide Yury Ushakov said', 'Yury Ushakov'],
    ['according to the Kremlin', 'Kremlin'],
    ['Russian President Vladimir Putin said', 'Vladimir Putin'],
    ['Foreign Minister Sergey Lavrov told reporters', 'Sergey Lavrov'],
    ['a spokesperson for the Ministry of Defence said', 'Ministry of Defence'],
    ['According to Moscow,', 'Moscow'],
    ['with Ushakov noting', 'Ushakov'],
    ['officials said', ''],
    ['“Reuters’s” sources', 'Reuters'],
  ])('%s -> %s', (phrase, name) => {
    expect(guessSourceName(phrase)).toBe(name);
  });
});

describe('matching existing sources', () => {
  const sources = [source(1, 'Yury Ushakov', ['Ushakov', 'presidential aide']), source(2, 'Kremlin', ['Moscow']), source(3, 'Ushakova Foundation')];

  it('finds a source named in a phrase by whole words, the longest mention first', () => {
    expect(sourceNamedIn('with Ushakov noting', sources)?.id).toBe(1);
    expect(sourceNamedIn('presidential aide Yury Ushakov said', sources)?.id).toBe(1);
    expect(sourceNamedIn('According to Moscow,', sources)?.id).toBe(2);
    expect(sourceNamedIn('the Ushakovs said', sources)).toBeNull();
  });

  it('matches exact names and aliases, and searches by prefix then substring', () => {
    expect(sourceNamed(' ushakov ', sources)?.id).toBe(1);
    expect(sourceNamed('Ushak', sources)).toBeNull();
    expect(searchSources('usha', sources).map((s) => s.id)).toEqual([3, 1]);
    expect(searchSources('aide', sources).map((s) => s.id)).toEqual([1]);
    expect(searchSources('yury usha', sources).map((s) => s.id)).toEqual([1]);
    expect(searchSources('', sources)).toHaveLength(3);
  });
});

describe('the source Enter picks', () => {
  const sources = [source(1, 'Yury Ushakov'), source(2, 'Kremlin', ['the Kremlin press office']), source(3, 'José Álvarez'), source(4, 'Ana Silva'), source(5, 'Rui Silva')];

  it('is the existing source the text means: exact, accent- and case-blind, a surname, or the one prefix', () => {
    expect(bestSourceMatch('Ushakov', sources)?.id).toBe(1);
    expect(bestSourceMatch('yury ushakov', sources)?.id).toBe(1);
    expect(bestSourceMatch('Jose Alvarez', sources)?.id).toBe(3);
    expect(bestSourceMatch('Alvarez', sources)?.id).toBe(3);
    expect(bestSourceMatch('the kremlin press office', sources)?.id).toBe(2);
    expect(bestSourceMatch('Krem', sources)?.id).toBe(2);
  });

  it('is nobody when it is not clear which, or when nothing fits', () => {
    expect(bestSourceMatch('Silva', sources)).toBeNull();
    expect(bestSourceMatch('Sergey Lavrov', sources)).toBeNull();
    expect(bestSourceMatch('', sources)).toBeNull();
  });

  it('offers a similar source before a new one is made', () => {
    expect(similarSource('Mr Ushakov', sources)?.id).toBe(1);
    expect(similarSource('Lavrov', sources)).toBeNull();
  });
});
