import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBenchText } from '../bench/assist';
import { suggest, suggestionKey, type Suggestion } from './index';
import { fmt } from './inconsistencies';
import { tagRange, tagTokens, tokenizeRange, wordNumberValue, type Tok } from './nlp';

type Inconsistency = Extract<Suggestion, { type: 'inconsistency' }>;
type Attribution = Extract<Suggestion, { type: 'attribution' }>;
type Claim = Extract<Suggestion, { type: 'claim' }>;

const inconsistencies = (text: string): Inconsistency[] => suggest(text).filter((s): s is Inconsistency => s.type === 'inconsistency');
const attributions = (text: string, sources?: { name: string; aliases: string[] }[]): Attribution[] =>
  suggest(text, { sources }).filter((s): s is Attribution => s.type === 'attribution');
const claims = (text: string): Claim[] => suggest(text).filter((s): s is Claim => s.type === 'claim');

/** The inconsistencies of one kind, each as the list of its span texts. */
function found(text: string, kind: Inconsistency['kind']): string[][] {
  return inconsistencies(text)
    .filter((s) => s.kind === kind)
    .map((s) => s.spans.map((x) => x.text));
}

function expectOffsetsExact(text: string, out: Suggestion[]): void {
  for (const s of out) {
    const spans = s.type === 'inconsistency' ? s.spans : [s.span];
    for (const sp of spans) {
      expect(sp.start).toBeGreaterThanOrEqual(0);
      expect(sp.end).toBeLessThanOrEqual(text.length);
      expect(sp.start).toBeLessThan(sp.end);
      expect(text.slice(sp.start, sp.end)).toBe(sp.text);
    }
  }
}

describe('tokens', () => {
  it('keep exact offsets through quotes, dashes, hyphens and odd white space', () => {
    const text = '\u00a0“Quoted,” she said—twice.\r\nThe 24-hour strike (at £5bn) hit mid-2026 targets; COVID-19 and U.S. data\tagreed.';
    const toks = tagRange(text, 0, text.length);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(toks.map((t) => t.text)).toEqual(
      expect.arrayContaining(['Quoted', 'said', 'twice', '24', 'hour', 'strike', '5bn', 'mid', '2026', 'COVID-19', 'U.S', 'agreed']),
    );
  });

  it('read number words', () => {
    expect(wordNumberValue('sixth')).toBe(6);
    expect(wordNumberValue('twenty five')).toBe(25);
    expect(wordNumberValue('one hundred and five')).toBe(105);
    expect(wordNumberValue('two million')).toBe(2_000_000);
    expect(wordNumberValue('dozen')).toBeNull();
  });
});

describe('counts and ranks', () => {
  it('flags two totals of the same set ("all N X")', () => {
    const text = 'Crews reopened all five gates of the harbour on Monday. By the afternoon, all six gates were open again.';
    expect(found(text, 'count')).toEqual([['all five gates', 'all six gates']]);
  });

  it('flags two counts of the same thing done by the same subject', () => {
    const text = 'The survey questioned 2,400 farmers in three provinces. The survey, which questioned 2,100 farmers, was paid for by a charity.';
    expect(found(text, 'count')).toEqual([['2,400 farmers', '2,100 farmers']]);
  });

  it('flags vote tallies that disagree', () => {
    const text = 'The board voted 9 to 4 on Friday to approve the plan. Minutes show the plan passed with 8 votes in favour.';
    expect(found(text, 'count')).toEqual([['9 to 4', '8 votes']]);
  });

  it('flags a rank that the count of the same thing in the same period contradicts', () => {
    const text =
      'NORTHBRIDGE, 7 March 2025 - This is the fourth meeting between the ministers this year. Since January, the ministers have held at least three meetings.';
    const out = found(text, 'count');
    expect(out).toHaveLength(1);
    expect(out[0]![0]).toContain('the fourth meeting');
    expect(out[0]![1]).toBe('at least three meetings');
  });

  it('does not flag a rank and a count when the count covers a shorter period', () => {
    const text =
      'NORTHBRIDGE, 7 March 2025 - This is the fourth meeting between the ministers this year. Since February, the ministers have held three meetings.';
    expect(found(text, 'count')).toEqual([]);
  });

  it('flags two ranks whose periods nest ("second this year" vs "first since 2015")', () => {
    const text = 'OAKFORD, 2 June 2025 - It is the third flood in the valley this year. The flood is the first in the valley since 2015.';
    const out = inconsistencies(text).filter((s) => s.kind === 'ordinal');
    expect(out).toHaveLength(1);
    expect(out[0]!.spans.map((s) => s.text)).toEqual(['the third flood in the valley this year', 'the first in the valley since 2015']);
    expect(out[0]!.explanation).toMatch(/this year.*since 2015/);
  });

  it('flags a count restated with the verb as a modifier ("homes were completed" / "completed homes")', () => {
    const text = 'The report shows that 2,150 new homes were completed in the city. The report, which counted 2,300 completed homes, was published on Monday.';
    expect(found(text, 'count')).toEqual([['2,150 new homes', '2,300 completed homes']]);
  });

  it('flags a rank given with its own period against a count for that period', () => {
    const text =
      'LISBON, 5 May 2025 - The bank closed its branches after the third cyberattack on its systems this year. Since January, the bank has suffered two cyberattacks.';
    const out = found(text, 'count');
    expect(out).toHaveLength(1);
    expect(out[0]).toEqual(['the third cyberattack on its systems this year', 'two cyberattacks']);
  });

  it('does not flag things that merely look alike', () => {
    const cases = [
      // different things counted
      'Seven cargo trucks were waiting at the gate. Eight forklifts stood idle in the yard.',
      // an age limit is not a count
      'The scheme covers pupils under ten. It runs in three regions.',
      // a rank in history against an earlier instance
      'It is the third major expansion in its history; the first took place in 1952.',
      // a "first" about a different kind of thing, in a different period
      'The summit was their first direct meeting in two years. Since January, the two have held at least four phone calls.',
      // counts of different events (different verbs, different days)
      'On Monday, police arrested 12 people. On Tuesday, 30 people were injured in clashes.',
      'Police arrested 12 people on Saturday. Another 8 people were arrested on Sunday.',
      // the same kind of count in different places, periods or of different parts
      'The company employs 5,000 people in France. It employs 3,000 people in Germany.',
      'The factory produced 500 cars a day in 2019. It now produces 300 cars a day.',
      'Three years ago, the factory employed 800 workers. Today it employs 450 workers.',
      'In 2023, the charity helped 5,000 families. It helped 6,200 families in 2024.',
      'The hospital has 400 beds. The new wing will add 120 beds next year.',
      // "the first time since", a rank of something else
      'Inflation fell below 3 percent for the first time since 2021. It was the second time this year that the bank cut rates.',
    ];
    for (const text of cases) expect(inconsistencies(text), text).toEqual([]);
  });
});

describe('an ordinal against a count of the same series', () => {
  const ordinalOnes = (text: string) => found(text, 'ordinal');
  it('flags an ordinal n with other than n-1 of the same things before it', () => {
    expect(ordinalOnes('She won the title in her third final. She had lost in four finals here before Sunday.')).toHaveLength(1);
    expect(ordinalOnes("It is the band's 14th studio album. After 12 previous studio albums, they rest.")).toHaveLength(1);
  });
  it('is silent when the count is n-1, when the count is not of those before, or bounded by another period', () => {
    expect(ordinalOnes('She won the title in her third final. She had lost in two finals here before Sunday.')).toEqual([]);
    expect(ordinalOnes('This is the 48th edition of the race. There have been 12 editions since the war.')).toEqual([]);
    expect(ordinalOnes('It was her third final this season. She had reached nine finals before in her career.')).toEqual([]);
  });
});

describe('amounts, percentages and durations', () => {
  it('flags "the N percent figure" that does not match the percentage given before', () => {
    const text = 'The repairs cut flood losses by 40 percent, engineers reported. Critics said the 45 percent reduction figure was misleading.';
    expect(found(text, 'percent')).toEqual([['40 percent', 'the 45 percent reduction figure']]);
  });

  it('flags a change and "the N percent rise in X" that disagree', () => {
    const text = 'Customer complaints rose by 40 percent in April. The bank said the 35 percent rise in complaints was driven by fraud.';
    expect(found(text, 'percent')).toEqual([['40 percent', 'the 35 percent rise']]);
  });

  it('flags an amount and "the N euro X" that disagree', () => {
    const text = 'The upgrade of the bank systems cost 8.5 million euros, the bank said. Analysts said the 6 million euro upgrade had been poorly managed.';
    expect(found(text, 'amount')).toEqual([['8.5 million euros', 'the 6 million euro upgrade']]);
  });

  it('flags two percentages for the same noun', () => {
    const text = 'Unemployment in the region stood at 7.5 percent. Officials put regional unemployment at 9 percent.';
    expect(found(text, 'percent')).toHaveLength(1);
  });

  it('flags two lengths for the same (or a synonymous) event, one of them definite', () => {
    const text = 'Members ended a hearing that lasted nearly six hours. The four-hour session was broadcast on the radio.';
    expect(found(text, 'duration')).toEqual([['nearly six hours', 'The four-hour session']]);
  });

  it('does not flag a cost against its budget, this turnout against the last, or unrelated durations', () => {
    const cases = [
      'The bridge cost 12 million dollars, slightly less than the 15 million dollars budgeted in 2020.',
      'The bridge cost 12 million dollars. The council had budgeted 15 million dollars for it.',
      'Turnout was 61 percent, up from 57 percent at the last election.',
      'Turnout reached 61 percent this year. At the previous election, turnout was 57 percent.',
      'Talks collapsed after nine hours of negotiation. In May, unions staged a 48-hour strike.',
      'A 24-hour stoppage began at midnight. The talks lasted three hours.',
      'Turnout was 61 percent. In the 2019 election, turnout was 67 percent.',
      'Support for Smith stood at 45 percent. Support for Jones was 38 percent.',
      'Prices rose 5 percent in January. In February, they rose 3 percent.',
      'The first phase cost 20 million euros. The second phase will cost 35 million euros.',
      'The company made 5 million pounds in profit. The company paid 2 million pounds in tax.',
      'The museum received 2 million visitors last year. This year it expects 2.5 million visitors.',
      'Each of the four candidates spoke for ten minutes. The debate lasted two hours.',
    ];
    for (const text of cases) expect(inconsistencies(text), text).toEqual([]);
  });
});

describe('dates', () => {
  it('checks a weekday against the calendar', () => {
    const text = 'KESTREL BAY, Tuesday 7 March 2025 - The harbour reopened.';
    const out = inconsistencies(text);
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe('weekday');
    expect(out[0]!.spans.map((s) => s.text)).toEqual(['Tuesday 7 March 2025']);
    expect(out[0]!.explanation).toBe('7 March 2025 was a Friday, not a Tuesday.');
  });

  it('accepts a weekday that matches, and checks dates in the body too', () => {
    expect(inconsistencies('KESTREL BAY, Friday 7 March 2025 - The harbour reopened.')).toEqual([]);
    expect(inconsistencies('The plant will close on Sunday, 4 January 2026, officials said.')).toEqual([]);
    const body = 'The plant will close on Monday, 4 January 2026, officials said.';
    expect(found(body, 'weekday')).toEqual([['Monday, 4 January 2026']]);
  });

  it('checks a yearless date only against the year the article is from, never against today', () => {
    const text = 'The final was played on Sunday 27 February in front of a full stadium, the club said.';
    const weekdays = (published?: string) =>
      suggest(text, published ? { published } : {}).filter((s) => s.type === 'inconsistency' && s.kind === 'weekday');
    // No year in the text and none known about it: nothing to check against.
    expect(weekdays()).toEqual([]);
    // 27 February 2022 was a Sunday; in 2023 it was a Monday.
    expect(weekdays('2022-03-01')).toEqual([]);
    expect(weekdays('2023-03-01')).toHaveLength(1);
  });

  it('flags header dates that disagree (a header line against a dateline)', () => {
    const text = 'Published 2024-05-01\n\nBoard approves plan\n\nLONDON, Monday 3 June 2024 - The board voted to approve the plan.';
    const out = found(text, 'date');
    expect(out).toEqual([['2024-05-01', 'Monday 3 June 2024']]);
  });

  it('a header date conflict covers exactly the two dates that disagree, not a line or a date that agrees', () => {
    const text = 'date 2025-07-22 Tuesday, 02 January 2024 12:17 GMT\nKremlin aide speaks\n\n\n2025-07-22 04:38:47\nThe aide said the call was held on Thursday.';
    const out = inconsistencies(text).filter((s) => s.kind === 'date');
    expect(out).toHaveLength(1);
    const spans = out[0]!.spans;
    // The odd date against the main date on another line; not the word "date", not the whole line.
    expect(spans.map((s) => s.text)).toEqual(['Tuesday, 02 January 2024 12:17 GMT', '2025-07-22 04:38:47']);
    expect(spans.some((s) => s.text.includes('date') || s.start === 0)).toBe(false);
    expect(out[0]!.explanation).toContain('22 July 2025');
    expect(out[0]!.explanation).toContain('2 January 2024');
    expectOffsetsExact(text, out);
  });

  it('flags two dates for the same event, not dates of different occasions', () => {
    const text =
      'OAKFORD, 6 November 2025 - The council said construction of the new bridge would start on 12 January 2026. ' +
      'Construction of the bridge will start on 19 January 2026, the mayor told residents.';
    expect(found(text, 'date')).toEqual([['12 January 2026', '19 January 2026']]);
    const different = [
      'The museum opened on 3 March 1990. The museum reopened on 5 May 2024 after repairs.',
      'The committee met on 3 May 2025. The committee met again on 10 May 2025.',
    ];
    for (const t of different) expect(inconsistencies(t), t).toEqual([]);
  });

  it('does not flag a header and dateline that agree', () => {
    const text = 'Published 2024-06-03\n\nBoard approves plan\n\nLONDON, Monday 3 June 2024 - The board voted.';
    expect(inconsistencies(text)).toEqual([]);
  });
});

describe('attributions', () => {
  const text = [
    'Finance minister Carla Ruiz said the budget was balanced.',
    '"We worked through the night," said harbour master Jonas Ek, adding that the gates were safe.',
    'According to the national weather service, the storm has passed. The service said more rain was likely.',
    'A fire service spokeswoman said nobody was hurt, with Ruiz noting that the roads were clear.',
    'Court filings show the firm owed 3 million dollars. "It is a relief," she said.',
    'The extension will add nine stops.',
  ].join('\n\n');

  it('finds cue phrases and names the source', () => {
    const out = attributions(text).map((a) => [a.span.text, a.source]);
    expect(out).toEqual([
      ['Finance minister Carla Ruiz said', 'Carla Ruiz'],
      ['said harbour master Jonas Ek', 'Jonas Ek'],
      ['According to the national weather service', 'national weather service'],
      ['The service said', 'national weather service'],
      ['A fire service spokeswoman said', 'fire service spokeswoman'],
      ['with Ruiz noting that', 'Carla Ruiz'], // a surname alone: the person named in full before
      ['Court filings show', 'Court filings'],
      ['she said', 'Carla Ruiz'],
    ]);
    expectOffsetsExact(text, suggest(text));
  });

  it('maps mentions to known sources by name and alias', () => {
    const out = attributions(text, [
      { name: 'Carla Ruiz', aliases: ['Ruiz', 'the finance minister'] },
      { name: 'National Weather Service', aliases: ['NWS', 'national weather service'] },
    ]).map((a) => a.source);
    expect(out).toContain('Carla Ruiz');
    expect(out.filter((s) => s === 'Carla Ruiz').length).toBeGreaterThanOrEqual(2);
    expect(out).toContain('National Weather Service');
    expect(out).not.toContain('Ruiz');
  });

  it('reaches past a describing noun, a document and a workplace to who is named', () => {
    const cases: Array<[string, string]> = [
      // a common noun describing the name after it
      ['Turnout was 61 percent, according to an exit survey by the polling firm Cadem.', 'Cadem'],
      ['Japanese carmaker Hoshino Motors reported a fall in profit.', 'Hoshino Motors'],
      // a statement from someone; people at a named organisation
      ['The strike cost 2 million euros, according to a statement from the office of metropolitan president Sophie Garnier.', 'Sophie Garnier'],
      ['Rents rose 4 percent, according to economists at the Bank of Spain.', 'Bank of Spain'],
      // a common noun, then after a comma the name it stands for
      ['The rider broke his collarbone, according to his team, Gorbea Cycling.', 'Gorbea Cycling'],
      // an organisation's name with "of" in it, before an appositive
      ["Port of Algeciras, Spain's busiest by container traffic, said the berth was closed.", 'Port of Algeciras'],
      // a person, then where they work, then the cue
      ['Economist Youssef El Idrissi of Mohammed V University in Rabat said the plant would help.', 'Youssef El Idrissi'],
    ];
    for (const [sentence, source] of cases) expect(attributions(sentence).map((a) => a.source), sentence).toEqual([source]);
    // "the commission", "the ministry": the name ending in (or opening with) that word given before.
    const later = (text: string) => attributions(text).map((a) => a.source).at(-1);
    expect(later('Results were published by the State Examinations Commission on Tuesday. Maths passes rose, the commission said.')).toBe('State Examinations Commission');
    expect(later("Kenya's Ministry of Health reported 34 deaths. The ministry said more cases were likely.")).toBe('Ministry of Health');
    // The describing noun stays when no name follows it; names with "of" stay whole.
    expect(attributions('The state agriculture department said yields fell.').map((a) => a.source)).toEqual(['state agriculture department']);
    expect(attributions('The Bank of Spain said rents rose.').map((a) => a.source)).toEqual(['Bank of Spain']);
  });

  it('needs evidence for weak cues', () => {
    expect(attributions('The extension adds nine stops and a new depot.')).toEqual([]);
    expect(attributions('The renovation added two reading rooms.')).toEqual([]);
  });
});

describe('claims', () => {
  it('scores sentences with numbers, causes and events above opinion and questions', () => {
    const text = [
      'Unemployment rose to 7 percent in March because two factories closed.',
      'It is a lovely town.',
      'Will the plan work?',
    ].join(' ');
    const out = claims(text);
    expect(out.length).toBeGreaterThan(0);
    for (const c of out) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
    }
    expect(out[0]!.span.text).toBe('Unemployment rose to 7 percent in March because two factories closed.');
    expect(out.map((c) => c.span.text)).not.toContain('Will the plan work?');
    expect(out.map((c) => c.span.text)).not.toContain('It is a lovely town.');
  });

  it('ranks claims by score', () => {
    const out = claims('The plant employs 1,200 workers. Output fell 20 percent after the fire. Officials met on Monday.');
    const scores = out.map((c) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('suggestions', () => {
  it('have exact offsets on arbitrary text', () => {
    const word = fc.constantFrom(
      'the', 'council', 'said', 'five', 'ships', '4,800', 'percent', '“quote”', 'Mayor', 'Ana', 'Lee', 'according', 'to', 'police',
      '3', 'March', '2025', 'Monday,', 'all', 'three', 'terminals.', '—', 'e\u0301', '😀', 'hours', 'the', 'first', 'since', '2019,', '\n\n', '\t',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.array(fc.constantFrom(' ', '  ', '\n', ''), { maxLength: 60 }), (words, gaps) => {
        const text = words.map((w, i) => w + (gaps[i] ?? ' ')).join('');
        expectOffsetsExact(text, suggest(text));
      }),
      { numRuns: 150 },
    );
  });

  it('survive a participle-looking first word before a cue ("theaccording the the thethe said", found by the property above)', () => {
    const text = 'theaccording the the thethe said ';
    expectOffsetsExact(text, suggest(text));
  });

  it('have stable keys that ignore explanations and scores', () => {
    const text = 'KESTREL BAY, Tuesday 7 March 2025 - Crews reopened all five gates. By noon, all six gates were open, police said.';
    const a = suggest(text);
    const b = suggest(text);
    expect(a.map(suggestionKey)).toEqual(b.map(suggestionKey));
    expect(new Set(a.map(suggestionKey)).size).toBe(a.length);
    const first = a[0]!;
    if (first.type === 'inconsistency') expect(suggestionKey({ ...first, explanation: 'changed' })).toBe(suggestionKey(first));
  });

  it('run over a generated multi-article text with exact offsets', () => {
    const text = generateBenchText(30_000, 3);
    const out = suggest(text);
    expect(out.length).toBeGreaterThan(0);
    expectOffsetsExact(text, out);
  });

  it('handle empty and trivial input', () => {
    expect(suggest('')).toEqual([]);
    expect(suggest('   \n\n ')).toEqual([]);
    expect(() => suggest('5')).not.toThrow();
  });
});

describe('one referent told twice in other words (issue 11 shapes)', () => {
  const pair = (text: string): string[][] => inconsistencies(text).map((s) => s.spans.map((x) => x.text));

  it('a lower bound broken by a number noun that points back ("the death toll stood at seven")', () => {
    expect(pair('The floods swept through the region, killing at least nine people. By Friday the death toll stood at seven.')).toEqual([
      ['at least nine people', 'the death toll stood at seven'],
    ]);
    // A toll that grew keeps the bound; a toll told of another place is another toll.
    expect(pair('At least nine people died in the fire. The toll stood at 12 by Friday after three more bodies were found.')).toEqual([]);
    expect(pair('The storm killed 12 people in Cuba. In Haiti, the toll stood at 15.')).toEqual([]);
  });

  it('magnitudes of one quake under WordNet-related nouns, not of an aftershock', () => {
    expect(pair('A 5.2-magnitude tremor shook the valley on Sunday. The magnitude 5.6 quake damaged two churches.')).toEqual([
      ['A 5.2-magnitude tremor', 'The magnitude 5.6 quake'],
    ]);
    expect(pair('A magnitude 6.1 earthquake struck the coast. Aftershocks of between magnitude 3 and 4.5 followed. A magnitude 5.4 aftershock hit on Wednesday.')).toEqual([]);
  });

  it('a total restated as the size of a whole ("the 47-seat chamber")', () => {
    expect(pair('The Greens won 12 of the 45 seats. Members of the 47-seat chamber meet on Monday.')).toEqual([['the 45 seats', 'the 47-seat chamber']]);
    // The seats needed for a majority, and another council's seats, are other figures.
    expect(pair('The Greens won 11 of the 39 seats. No party has the 20 seats needed for a majority on the 39-seat council. In neighbouring Westbury, Labour held 22 of the 40 seats.')).toEqual([]);
  });

  it('a crowd counted, then its people', () => {
    expect(pair('A crowd of 48,200 watched the final. The 51,000 spectators sang throughout.')).toEqual([['A crowd of 48,200', 'The 51,000 spectators']]);
  });

  it('amounts in a currency named in words or with a country prefix', () => {
    expect(pair('The line cost 1.9 billion Australian dollars. The A$2.3 billion line opened on Monday.')).toEqual([
      ['1.9 billion Australian dollars', 'The A$2.3 billion line'],
    ]);
    // Different currencies are never compared.
    expect(pair('The line cost 1.9 billion Canadian dollars. The A$2.3 billion line opened on Monday.')).toEqual([]);
  });

  it('lengths: a session that ran for hours, a definite compound that points back', () => {
    expect(pair('The final session was running for nearly nine hours before the chair adjourned. Delegates said the six-hour closing session was tense.')).toHaveLength(1);
    expect(pair('The hearing lasted about 40 minutes. Lawyers said the 90-minute hearing had been exhausting.')).toHaveLength(1);
    expect(pair('The session ran for nine hours on Monday. The six-hour session on Tuesday was calmer.')).toEqual([]);
  });

  it('a level reached by a change, restated', () => {
    expect(pair('Turnout rose to 58 percent. Officials praised the 61 percent turnout.')).toHaveLength(1);
    expect(pair('Exports rose 8 percent in the first quarter. The 11 percent rise in imports over the full year widened the deficit.')).toEqual([]);
  });

  it('an ordinal of tries against the times before', () => {
    expect(pair('The victory came at her second attempt. She had fallen short twice before this week.')).toHaveLength(1);
    expect(pair('It was his second attempt at the title. He had failed once before, in 2022.')).toEqual([]);
    expect(pair('She won the race for the third time. She had won it twice before, in 2019 and 2021.')).toEqual([]);
    expect(pair('The club scored in the 87th minute. The striker had scored twice before in the match.')).toEqual([]);
  });

  it('one event dated twice, by a verb and by the noun of its act', () => {
    expect(pair('She was convicted on 19 February 2025. Since her 21 February conviction she has been in prison.')).toEqual([['19 February 2025', '21 February']]);
    expect(pair('The judge convicted two men on 4 March 2025. The 6 March conviction of a third man was overturned.')).toEqual([]);
    expect(pair('Farmers began picking grapes on 6 October 2025. Harvesting of olives started on 9 October 2025.')).toEqual([]);
    expect(pair('Parliament passed the bill on 3 May 2025. The senate passed the bill on 10 May 2025.')).toEqual([]);
  });

  it('a weekday alone dates an event by the article\'s own date', () => {
    // 6 March 2025 was a Thursday: "on Tuesday" is 4 March.
    const met = (day: number) => pair(`VIENNA, March 6, 2025 - The council met on Tuesday to discuss the budget. Members said the March ${day} meeting had been tense.`);
    expect(met(5)).toEqual([['Tuesday', 'March 5']]);
    expect(met(4)).toEqual([]);
    // Without a date for the article, a weekday dates nothing.
    expect(pair('The council met on Tuesday to discuss the budget. Members said the March 5 meeting had been tense.')).toEqual([]);
  });

  it('stays silent on plans, thresholds, parts, other things and restated parts', () => {
    const silent = [
      'The city received a $4.1m grant for roads in March. The $4.6m award for schools came from a separate fund.',
      'Revenue rose to 3.1 billion euros. The 3.4 billion euro target for next year was confirmed.',
      'At the time, the prime minister called for a 100% immunization rate. Officials reported a 95% immunization rate in December.',
      'He was sentenced to fourteen years in prison. She was released after serving almost fourteen years of an eighteen-year prison sentence.',
      'The museum received 2,300 visitors on its first day. The 2,900 people who came on the second day waited longer.',
      'Prices range between $20 and $40. The $35 ticket sold out quickly.',
      'Both candidates earned 9 delegates in Iowa. Warren earned 8 delegates in the state.',
    ];
    for (const t of silent) expect(pair(t), t).toEqual([]);
  });
});

describe('attributions told around a clause', () => {
  it('a cue in -ing after a comma is the clause subject\'s; a participle may open the phrase after "said"', () => {
    const sourcesOf = (t: string) => attributions(t).map((a) => [a.span.text, a.source]);
    expect(sourcesOf('Judge Margaret Ellery thanked the jurors, saying the case had been hard.')).toEqual([['Judge Margaret Ellery thanked the jurors, saying', 'Margaret Ellery']]);
    expect(sourcesOf('"It was hard," said retired fisherman Douglas Reid.')).toEqual([['said retired fisherman Douglas Reid', 'Douglas Reid']]);
    expect(sourcesOf('The winner, Jonas Berg, 30, said he was pleased.').map(([, s]) => s)).toEqual(['Jonas Berg']);
  });
});

describe('figures in explanations', () => {
  it('are grouped in thousands, a converted figure in the thousands to the unit ("4,750 gallons" in litres)', () => {
    expect(fmt(17980.6975)).toBe('17,981');
    expect(fmt(1500)).toBe('1,500');
    expect(fmt(12.5)).toBe('12.5');
    expect(fmt(0.12345)).toBe('0.123');
  });
});

describe('a slice read for its annotations only', () => {
  it('gives the attributions and claims of the full answer, and no inconsistency', () => {
    const text = 'The council said on Monday 3 March 2026 that 40 homes were flooded. "We are doing all we can," said Mayor Ana Ruiz. The storm cost the town £2 million, officials said. Residents said the pumps failed twice.';
    const full = suggest(text);
    const only = suggest(text, { inconsistencies: false });
    expect(full.some((s) => s.type === 'inconsistency')).toBe(true);
    expect(only.some((s) => s.type === 'inconsistency')).toBe(false);
    expect(only.map(suggestionKey)).toEqual(full.filter((s) => s.type !== 'inconsistency').map(suggestionKey));
    expect(only.length).toBeGreaterThan(2);
  });
});

describe('a sentence the tagger cannot take', () => {
  it('is tagged context-free alone: the next sentence is tagged whole again', () => {
    const toks = tokenizeRange('The lorry overturned.', 0, 21);
    // (a token the tagger fails on once, as a hostile document's might)
    let thrown = false;
    const t = toks[0] as Tok & { normal: string };
    const normal = t.normal;
    Object.defineProperty(t, 'normal', {
      configurable: true,
      get() {
        if (!thrown) {
          thrown = true;
          throw new Error('tagger failure');
        }
        return normal;
      },
    });
    expect(() => tagTokens(toks)).not.toThrow();
    expect(thrown).toBe(true);
    const next = tagRange('The ferry left the port at noon.', 0, 32);
    expect([...next[0]!.tags]).toContain('Determiner');
  });
});
