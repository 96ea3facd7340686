// A by-hand performance check (not a timed test): generate ~1 MB of varied news-like text and
// time suggest() on it.
//
//   import { benchmarkSuggest } from './bench/assist';
//   console.log(benchmarkSuggest());   // { chars, sentences, ms, suggestions }

import { seededRandom as rng } from '../common/random';
import { suggest } from '../assist/index';


const FIRST = ['Anna', 'Marek', 'Sofia', 'David', 'Leila', 'Omar', 'Grace', 'Tomas', 'Ines', 'Viktor', 'Hannah', 'Kenji', 'Ruth', 'Pavel', 'Amara', 'Lucas'];
const LAST = ['Novak', 'Haddad', 'Lindqvist', 'Okonkwo', 'Moreau', 'Petrova', 'Castillo', 'Brennan', 'Yilmaz', 'Sato', 'Fischer', 'Mensah', 'Duarte', 'Kowalski'];
const ROLES = ['spokesperson', 'minister', 'analyst', 'official', 'senior adviser', 'economist', 'union leader', 'mayor', 'professor', 'researcher'];
const ORGS = ['the Interior Ministry', 'the central bank', 'the port authority', 'the health department', 'the national statistics office', 'the city council', 'the Red Cross', 'the World Bank', 'the transport union', 'the regional government', 'police', 'the fire service'];
const PLACES = ['Northbridge', 'Valmora', 'Oakford', 'Kestrel Bay', 'Lindenau', 'Port Arran', 'San Telmo', 'Eastvale', 'Marrow Hill', 'Brisk'];
const NOUNS = ['school', 'hospital', 'bridge', 'factory', 'station', 'terminal', 'warehouse', 'clinic', 'ship', 'bus', 'flight', 'farm', 'shop', 'office'];
const EVENTS = ['strike', 'protest', 'meeting', 'flood', 'outage', 'inspection', 'election', 'summit', 'recall', 'audit'];
const PEOPLE = ['workers', 'residents', 'students', 'patients', 'passengers', 'voters', 'farmers', 'drivers', 'nurses', 'teachers'];
const VERBS = ['evacuated', 'closed', 'inspected', 'reopened', 'damaged', 'delayed', 'cancelled', 'repaired', 'sold', 'built'];
const ADJ = ['orderly', 'tense', 'chaotic', 'calm', 'productive', 'difficult', 'constructive', 'brief'];
const NUMW = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty'];
const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ~targetChars of news-like paragraphs: counts, ranks, money, percentages, durations, dates, quotes, plain prose. */
export function generateBenchText(targetChars = 1_000_000, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const num = (): string => (r() < 0.5 ? pick(NUMW) : String(Math.floor(r() * 5000) + 2).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  const place = (): string => pick(PLACES);
  const templates: (() => string)[] = [
    // numbers, counts, ranks, money, percentages, durations
    () => `${cap(pick(ORGS))} said ${num()} ${pick(NOUNS)}s had been ${pick(VERBS)} in ${place()} on ${pick(DAYS)}, and that inspectors would visit the remaining sites later in the week.`,
    () => `According to ${pick(ORGS)}, ${num()} ${pick(PEOPLE)} were ${pick(VERBS)} by noon, although the figure could not be independently verified.`,
    () => `${cap(pick(ROLES))} ${person()} told reporters that the project, which has been delayed twice, would cost ${(r() * 90 + 1).toFixed(1)} million euros.`,
    () => `The ${pick(EVENTS)} in ${place()} is the ${pick(ORD)} this year, ${person()} said, describing the situation as ${pick(ADJ)}.`,
    () => `Since ${pick(MONTHS)}, ${pick(PEOPLE)} in ${place()} have staged at least ${num()} ${pick(EVENTS)}s over pay, pensions and working conditions.`,
    () => `${person()}, a ${pick(ROLES)} at ${pick(ORGS)}, said the rate was ${Math.floor(r() * 90) + 1} percent, up from ${Math.floor(r() * 90) + 1} percent last year.`,
    () => `A ${pick(EVENTS)} that lasted nearly ${pick(NUMW)} hours ended late on ${pick(DAYS)} with a vote of ${Math.floor(r() * 40) + 10} to ${Math.floor(r() * 20)} in favour of the plan.`,
    () => `${person()} warned that prices in ${place()} could rise by ${Math.floor(r() * 30) + 1} percent because of the ${pick(EVENTS)}, which has disrupted supplies across the region.`,
    () => `Officials expect the new ${pick(NOUNS)} in ${place()} to open on ${pick(DAYS)}, ${Math.floor(r() * 28) + 1} ${pick(MONTHS)} ${2024 + Math.floor(r() * 4)}, several months later than first planned.`,
    () => `The ${pick(NOUNS)}, which employs ${num()} ${pick(PEOPLE)}, was ${pick(VERBS)} after a ${pick(NUMW)}-hour ${pick(EVENTS)} that left much of ${place()} without power.`,
    () => `Records show the ${pick(NOUNS)} received ${(r() * 9 + 1).toFixed(1)} million pounds in public money, more than any other in ${place()}.`,
    () => `"We are doing everything we can," said ${pick(ROLES)} ${person()}, adding that the ${pick(NOUNS)} would be ${pick(VERBS)} as soon as it was safe to do so.`,
    () => `${cap(pick(ORGS))} has not commented on the report, which was published on ${pick(DAYS)} and has been widely shared online.`,
    // narrative, no numbers or cues
    () => `The ${pick(EVENTS)} was described as ${pick(ADJ)} by observers who had travelled from ${place()} to follow the proceedings.`,
    () => `It was not clear whether the ${pick(EVENTS)} would go ahead as planned after the weekend, or whether organisers would postpone it again.`,
    () => `Residents of ${place()} described the mood as ${pick(ADJ)} and complained that nobody had explained what would happen next.`,
    () => `Critics argued that the decision would hurt ${pick(PEOPLE)} more than anyone else and called for a public inquiry.`,
    () => `The talks between the two sides are expected to resume next month, once both delegations have consulted their members.`,
    () => `Traffic was diverted around the centre of ${place()} for most of the afternoon while engineers examined the damaged ${pick(NOUNS)}.`,
    () => `Many ${pick(PEOPLE)} in ${place()} said they had learned about the changes from social media rather than from the authorities.`,
    () => `The opposition accused the government of mishandling the ${pick(EVENTS)} and demanded that the minister appear before parliament.`,
    () => `Local businesses, already struggling after a difficult winter, fear that the disruption could last well into the summer.`,
    () => `Volunteers handed out food and blankets outside the ${pick(NOUNS)} as the rain continued to fall through the evening.`,
  ];
  const parts: string[] = [];
  let size = 0;
  while (size < targetChars) {
    const n = 3 + Math.floor(r() * 3);
    const sentences: string[] = [];
    if (r() < 0.1) sentences.push(`${pick(PLACES).toUpperCase()}, ${pick(DAYS)} ${Math.floor(r() * 28) + 1} ${pick(MONTHS)} ${2024 + Math.floor(r() * 3)} -`);
    for (let i = 0; i < n; i++) sentences.push(pick(templates)());
    const p = sentences.join(' ');
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

export interface BenchResult {
  chars: number;
  sentences: number;
  ms: number;
  suggestions: number;
}

/** Time suggest() on `text` (default: ~1 MB of generated text); one warm-up run on a small text first. */
export function benchmarkSuggest(text: string = generateBenchText()): BenchResult {
  suggest(generateBenchText(5_000, 7));
  const t0 = performance.now();
  const out = suggest(text);
  const ms = performance.now() - t0;
  const sentences = (text.match(/[.!?]["”]?(\s|$)/g) ?? []).length;
  return { chars: text.length, sentences, ms: Math.round(ms), suggestions: out.length };
}
