// Attributions: a reporting cue ("said", "told reporters", "according to", "noting that",
// "called ... 'a turning point'", "records show") and the source it names. The source is the noun
// phrase next to the cue (subject, inverted subject, or the object of "according to"), reduced to
// a person's name when it holds one ("presidential aide Yury Ushakov" -> "Yury Ushakov"), else to
// the phrase without its determiner ("the Kremlin" -> "Kremlin"). "The authority" is resolved to an
// earlier "port authority", "she" to the person quoted just before, and names and aliases of known
// sources map to the known source's name.

import type { AssistDoc } from './document';
import { Mentions } from './mentions';
import { peopleNoun } from './restatements';
import { wordnet } from './wordnet';

/** WordNet's lexicographer file of nouns for people (noun.person). */
const PERSON_LEXFILE = 18;
import { DOCUMENT_CUE_VERBS, DOCUMENT_NOUNS, PERSON_PRONOUNS, PHRASAL_CUES, QUOTE_CUE_VERBS, ROLE_NOUNS, STRONG_CUE_VERBS, WEAK_CUE_VERBS } from './lexicon';
import { infinitive, isAbbreviation, lexiconTags, PAST_TENSE, type Tok } from './nlp';
import { isTitleAbbreviation } from '../common/segment';
import { nounLemma, nounPhraseAfter, nounPhraseBefore, pluralOfNoun, verbLemma, type NounPhrase } from './referents';
import { breaksAfter, breaksBefore, has, hasQuote, hyphenJoined, isAcronym, isAuxiliary, isCapitalised, isCompoundModifier, isCopula, isDeterminer, isNounTok, isNumberTok, isPronoun, isVerbTok } from './tokens';

export interface KnownSource {
  name: string;
  aliases: string[];
}

export interface Attribution {
  source: string;
  cue: string;
  start: number;
  end: number;
  sentence: number;
  /** The source is a person's name. */
  person: boolean;
}

function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}\s&-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '');
}

class SourceIndex {
  private readonly exact = new Map<string, string>();
  private readonly surnames = new Map<string, Set<string>>();
  private readonly aliases: [string, string][] = [];
  constructor(sources: readonly KnownSource[]) {
    for (const s of sources) {
      for (const alias of [s.name, ...s.aliases]) {
        const n = normalise(alias);
        if (!n) continue;
        if (!this.exact.has(n)) this.exact.set(n, s.name);
        this.aliases.push([n, s.name]);
        const words = n.split(' ');
        if (words.length > 1) {
          const last = words[words.length - 1]!;
          const set = this.surnames.get(last) ?? new Set<string>();
          set.add(s.name);
          this.surnames.set(last, set);
        }
      }
    }
    this.aliases.sort((a, b) => b[0].length - a[0].length);
  }
  get size(): number {
    return this.exact.size;
  }
  /** The known source a mention names, if any: exact name or alias, a surname, or an alias inside the phrase. */
  match(candidate: string, phrase: string): string | null {
    if (this.exact.size === 0) return null;
    const c = normalise(candidate);
    const hit = this.exact.get(c) ?? this.exact.get(normalise(phrase));
    if (hit) return hit;
    if (!c.includes(' ')) {
      const names = this.surnames.get(c);
      if (names && names.size === 1) return [...names][0]!;
    }
    const p = ` ${normalise(phrase)} `;
    for (const [alias, name] of this.aliases) if (p.includes(` ${alias} `)) return name;
    return null;
  }
}

/** A comma after a word, or after a parenthesis it closes ("Anna Lührs (Greens), who chairs"). */
const CLAUSE_COMMA = /^\)?,\s*$/;

/** A person's name opening a sentence (after a quotation that opens it), up to its first comma: "Retired teacher Maie Kask, 74, ...". */
function openingName(toks: readonly Tok[]): NounPhrase | null {
  let from = 0;
  if (/^["“]/.test(toks[0]?.pre ?? '')) {
    while (from < toks.length && !/["”]/.test(toks[from]!.post)) from++;
    from++;
  }
  for (let x = from; x < toks.length && x <= from + 6; x++) {
    if (!CLAUSE_COMMA.test(toks[x]!.post)) continue;
    const np = nounPhraseBefore(toks, /\)/.test(toks[x]!.post) ? parenStart(toks, x) : x + 1, { crossComma: true });
    // (title words the phrase reading left before the name still open the sentence: "Retired bus driver Graham Pickering")
    return np && np.first <= from + 4 && !toks.slice(from, np.first).some((w) => breaksAfter(w)) && personName(toks, np, 0) ? np : null;
  }
  return null;
}

/** A ", who" or ", which" clause opens within the 20 tokens before `end`. */
function clauseOpensBefore(toks: readonly Tok[], end: number): boolean {
  for (let x = end - 2; x > 0 && x >= end - 20; x--) if (CLAUSE_COMMA.test(toks[x]!.post) && ['who', 'whose', 'which'].includes(toks[x + 1]?.norm ?? '')) return true;
  return false;
}

/** Words that may follow a speaker's name after an inverted cue. */
/** Documents a body compiles or issues ("police figures", "a tribunal judgment"); not what is filed with it ("court filings"). */
const COMPILED = new Set(['figure', 'data', 'datum', 'statistic', 'record', 'estimate', 'count', 'tally', 'number', 'judgment', 'judgement', 'ruling', 'report', 'statement', 'survey', 'study', 'poll', 'analysis', 'audit', 'review']);
/** What opens an appositive after a noun phrase: "a family firm", "based in Madrid", "part of". */
const APPOSITIVE_START = /^[\s,]*(?:a|an|one|part|based|owned|run|set|founded|itself)\b/i;
const AFTER_NAME = new Set(['after', 'before', 'on', 'at', 'in', 'of', 'during', 'when', 'while', 'as', 'from', 'with', 'for', 'who', 'whose', 'adding', 'noting', 'citing']);
const COURTESY = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Cllr)\.?$/;

function isTitle(t: Tok): boolean {
  if (has(t, 'Honorific') || has(t, 'Actor')) return true;
  const n = t.norm.replace(/\.$/, '');
  if (isAbbreviation(n) || isTitleAbbreviation(n)) return true;
  return lexiconTags(n).some((x) => x === 'Honorific' || x === 'Actor');
}

/** A capitalised word the lexicon knows only as a common noun (judge, prosecutor, coach). */
function isCommonNoun(t: Tok): boolean {
  const tags = lexiconTags(t.norm);
  if (tags.length === 0) return false;
  return !tags.some((x) => x === 'Person' || x === 'FirstName' || x === 'LastName' || x === 'ProperNoun' || x === 'Place' || x === 'Organization' || x === 'MaleName' || x === 'FemaleName');
}

function hasFirstName(toks: readonly Tok[], a: number, y: number): boolean {
  for (let x = a; x <= y; x++) if (has(toks[x], 'FirstName') || has(toks[x], 'MaleName') || has(toks[x], 'FemaleName')) return true;
  return false;
}

function isNameTok(t: Tok): boolean {
  return has(t, 'Person') || has(t, 'FirstName') || has(t, 'LastName') || has(t, 'MaleName') || has(t, 'FemaleName');
}

/** A person's name inside a phrase: the run of capitalised words with a name in it, titles removed. */
function personName(toks: readonly Tok[], np: NounPhrase, sentenceStart: number): [number, number] | null {
  let end = np.last;
  for (let x = np.first; x <= np.last; x++) {
    if (toks[x]!.norm === 'of') {
      end = x - 1;
      break;
    }
  }
  let best: [number, number] | null = null;
  let x = np.first;
  while (x <= end) {
    if (!isCapitalised(toks[x]!) || isDeterminer(toks[x]!)) {
      x++;
      continue;
    }
    let y = x;
    while (y + 1 <= end && (isCapitalised(toks[y + 1]!) || hyphenJoined(toks[y]!)) && !breaksAfter(toks[y]!)) y++;
    // ("the Welsh Government's transport department", "Merkel's spokesman": an owner, not the speaker)
    if (has(toks[y], 'Possessive') && y < np.last) {
      x = y + 1;
      continue;
    }
    let a = x;
    while (a <= y && isTitle(toks[a]!)) a++;
    // "Judge Alison Frey", "Prosecutor Daniel Owusu": a common noun before a name is a title.
    while (a < y && y - a >= 2 && (isCommonNoun(toks[a]!) || !isNameTok(toks[a]!)) && hasFirstName(toks, a + 1, y)) a++;
    if (a <= y) {
      const run = toks.slice(a, y + 1);
      const named = run.some(isNameTok);
      const orgOrPlace = run.some((t) => has(t, 'Organization') || has(t, 'Place') || isAcronym(t));
      const sentenceInitial = toks[a]!.start === sentenceStart;
      if (named && !orgOrPlace) best = [a, y];
      else if (!best && run.length >= 2 && !orgOrPlace && !sentenceInitial && run.every((t) => !has(t, 'Date'))) best = [a, y];
      // ("Mrs Breckon said", "Dr Carvalhal said": a courtesy title opening the phrase names a person too)
      else if (!best && run.length === 1 && (x > np.first || COURTESY.test(toks[x]!.text)) && has(run[0], 'ProperNoun') && !orgOrPlace && isTitle(toks[x]!)) best = [a, y];
    }
    x = y + 1;
  }
  // "Head of emergency medicine Dr Sarah Okoye": a named person after the "of" of a title.
  const roleBefore = toks.slice(np.first, end + 1).every((t) => !isCapitalised(t) || t.start === sentenceStart || isDeterminer(t));
  if (!best && end < np.last && roleBefore) {
    const rest = personName(toks, { first: end + 2, last: np.last, head: np.last, mods: [] }, sentenceStart);
    if (rest && toks.slice(rest[0], rest[1] + 1).some(isNameTok)) return rest;
  }
  return best;
}

/** The phrase after "according to" or an inverted cue ("said union spokesperson Marta Velez"). */
function phraseAfter(toks: readonly Tok[], j: number): NounPhrase | null {
  let k = j;
  const taken: number[] = [];
  while (k < toks.length) {
    const t = toks[k]!;
    if (k > j && breaksBefore(t)) break;
    const ok =
      isDeterminer(t) ||
      isNounTok(t) ||
      has(t, 'Adjective') ||
      isAcronym(t) ||
      (isCapitalised(t) && !isVerbTok(t)) ||
      // "Kim Ji-won": the second half of a hyphenated name
      (k > j && hyphenJoined(toks[k - 1]!) && isCapitalised(toks[k - 1]!)) ||
      isCompoundModifier(toks, k) ||
      // "the polling firm Cadem": a gerund modifying the noun after it
      // ("said housing minister Grant Fell": first too, before a noun)
      (has(t, 'Gerund') && (taken.length > 0 || (k === j && isNounTok(toks[k + 1]) && !isCapitalised(toks[k + 1]!))) && k + 1 < toks.length && (isNounTok(toks[k + 1]!) || has(toks[k + 1], 'Adjective') || isCapitalised(toks[k + 1]!)) && !breaksAfter(t)) ||
      // "said retired fisherman Douglas Reid": a participle before a noun describes it
      (k === j && /ed$/.test(t.norm) && k + 1 < toks.length && isNounTok(toks[k + 1]!) && !isCapitalised(toks[k + 1]!) && !breaksAfter(t)) ||
      (isNumberTok(t) && taken.length > 0) ||
      // ("according to figures compiled by the campaign group ...": an -s word first is a plural
      // noun; a base verb after a determiner a noun)
      (k === j && /s$/.test(t.norm) && has(t, 'PresentTense') && !isCapitalised(t)) ||
      (taken.length > 0 && has(t, 'Infinitive') && isDeterminer(toks[k - 1]!) && !breaksAfter(toks[k - 1]!)) ||
      (t.norm === 'of' && taken.length > 0 && k + 1 < toks.length) ||
      // ("according to the labour inspectorate.": a word the tagger read as a verb that ends the
      // phrase after a noun is a noun, when WordNet has it as one)
      (taken.length > 0 && isNounTok(toks[k - 1]) && (breaksAfter(t) || k === toks.length - 1) && /^\p{Ll}{4,}$/u.test(t.text) && (wordnet()?.synsets(t.norm, 'n').length ?? 0) > 0) ||
      (has(t, 'Possessive') && taken.length > 0);
    if (!ok || (isPronoun(t) && !isDeterminer(t)) || has(t, 'Preposition') && t.norm !== 'of') break;
    taken.push(k);
    if (breaksAfter(t)) break;
    k++;
  }
  while (taken.length && (toks[taken[taken.length - 1]!]!.norm === 'of' || isDeterminer(toks[taken[taken.length - 1]!]))) taken.pop();
  if (!taken.length) return null;
  const first = taken[0]!;
  const last = taken[taken.length - 1]!;
  let head = last;
  for (let x = first; x <= last; x++) {
    if (toks[x]!.norm === 'of') {
      head = x - 1;
      break;
    }
  }
  if (head < first) return null;
  return { first, last, head, mods: [] };
}

/** A role of lower-case words up to a comma, from `j`, then a name of two or more capitalised words that `ends`: the name. */
function roleThenName(toks: readonly Tok[], j: number, ends: (x: number) => boolean): NounPhrase | null {
  let x = j;
  while (x < toks.length && x - j < 8 && /^\p{Ll}/u.test(toks[x]!.text) && !breaksAfter(toks[x]!)) x++;
  if (x === j || x >= toks.length || !/^\p{Ll}/u.test(toks[x]!.text) || !/^,\s*$/.test(toks[x]!.post)) return null;
  // (the role names someone: its last word is a noun)
  if (!isNounTok(toks[x]) || isPronoun(toks[x])) return null;
  let y = x + 1;
  while (y < toks.length && isCapitalised(toks[y]!) && !isAcronym(toks[y]!) && !(y > x + 1 && breaksBefore(toks[y]!))) {
    y++;
    if (breaksAfter(toks[y - 1]!)) break;
  }
  return y - (x + 1) >= 2 && ends(y - 1) ? { first: x + 1, last: y - 1, head: y - 1, mods: [] } : null;
}

/** The organisation quoted by name last before (a source not a person's, capitalised), or null. */
function lastQuotedOrganisation(earlier: readonly Attribution[]): string | null {
  for (let x = earlier.length - 1; x >= 0; x--) {
    const e = earlier[x]!;
    if (!e.person && /^\p{Lu}/u.test(e.source)) return e.source;
  }
  return null;
}

function surface(text: string, toks: readonly Tok[], a: number, b: number): string {
  return text.slice(toks[a]!.start, toks[b]!.end);
}

/** Attribution state across a document: the known sources and the attributions found so far (for coreference). */
export class AttributionFinder {
  readonly found: Attribution[] = [];
  private readonly index: SourceIndex;
  private readonly fullerNames = new Map<string, string>();
  private mentions: Mentions | null = null;
  constructor(sources: readonly KnownSource[] = []) {
    this.index = new SourceIndex(sources);
  }
  /** Attributions in sentence i (appended to `found` and returned). */
  sentence(doc: AssistDoc, i: number): Attribution[] {
    const before = this.found.length;
    if (doc.mayHaveCue(i)) {
      this.mentions ??= new Mentions(doc.text);
      sentenceAttributions(doc, i, this.found, { index: this.index, fullerNames: this.fullerNames, mentions: this.mentions });
    }
    return this.found.slice(before);
  }
}

/** What resolving a source needs besides its sentence: known sources, names met so far, the document's mentions. */
interface Memory {
  index: SourceIndex;
  fullerNames: Map<string, string>;
  mentions: Mentions;
}

/** Generic names an organisation is called by after it was named ("the company said"). */
const GENERIC_ORGS = new Set([
  'company', 'firm', 'group', 'agency', 'ministry', 'department', 'council', 'board', 'court', 'authority', 'bank', 'union',
  'party', 'organisation', 'organization', 'institute', 'university', 'operator', 'carrier', 'airline', 'club', 'team',
  'league', 'retailer', 'manufacturer', 'maker', 'insurer', 'lender', 'regulator', 'developer', 'museum', 'cooperative',
  'charity', 'foundation', 'commission', 'committee', 'office', 'service', 'broadcaster', 'newspaper', 'network',
]);
/** Generic names of a business: "the company said" means the firm the story is about. */
const BUSINESS_NOUNS = new Set(['company', 'firm', 'group', 'carrier', 'airline', 'operator', 'retailer', 'manufacturer', 'maker', 'insurer', 'lender', 'developer', 'broadcaster', 'provider', 'startup']);
/** What else is authored by someone named after "by" or "from" ("a statement from the airline"). */
const AUTHORED_NOUNS = new Set(['summary', 'result', 'estimate', 'tally', 'count', 'projection', 'statement', 'announcement', 'release', 'readout', 'letter', 'notice', 'bulletin', 'update']);
/** Where people who speak work ("economists at the Bank of Spain"). */
const AT_WORDS = new Set(['at', 'from', 'with']);
/** Who speaks for a body: "a spokesperson for Crustworks". */
const SPEAKS_FOR = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative', 'lawyer', 'solicitor', 'attorney']);
/** Lower-case words inside an organisation's name ("Bank of Spain", "Institut de la Mer"). */
const NAME_PARTICLES = new Set(['of', 'for', 'and', '&', 'de', 'des', 'du', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'da', 'di', 'del', 'al', 'el', 'on', 'the', 'y', 'e']);
/** What a report, poll or set of figures is "by" or "from": its source ("a summary circulated by the presidency"). */
const BY_WORDS = new Set(['by', 'from']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Every attribution in the document, in order. */
export function findAttributions(doc: AssistDoc, sources: readonly KnownSource[] = []): Attribution[] {
  const finder = new AttributionFinder(sources);
  for (const s of doc.sentences) finder.sentence(doc, s.index);
  return finder.found;
}

function sentenceAttributions(doc: AssistDoc, i: number, out: Attribution[], memory: Memory): void {
  const { fullerNames } = memory;
  const text = doc.text;
  const s = doc.sentences[i]!;
  {
    const toks = doc.tokens(s.index);
    const sentenceText = doc.sentenceText(s.index);
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      const norm = (x: number): string => toks[x]?.norm ?? '';
      let np: NounPhrase | null;
      let spanStart = k;
      let spanEnd: number;
      let cueEnd: number;
      if (t.norm === 'according' && norm(k + 1) === 'to') {
        np = phraseAfter(toks, k + 2);
        if (!np) continue;
        cueEnd = k + 1;
        spanEnd = np.last;
        // "according to a report by council officers", "a poll compiled by the company": the author.
        const headLemma = nounLemma(toks[np.head]!);
        const byWhom = DOCUMENT_NOUNS.has(headLemma) || AUTHORED_NOUNS.has(headLemma);
        // "according to economists at the Bank of Spain": people of a named organisation.
        const ofWhom = !isCapitalised(toks[np.head]!) && has(toks[np.head], 'Plural') && !byWhom;
        if (byWhom || ofWhom) {
          // ("a crop report released on Tuesday by the ministry": past a participle and its time)
          for (let j = np.last + 1; j <= np.last + (byWhom ? 7 : 3) && j < toks.length; j++) {
            if (breaksAfter(toks[j - 1]!)) break;
            if (!(byWhom ? BY_WORDS : AT_WORDS).has(toks[j]!.norm)) continue;
            const author = phraseAfter(toks, j + 1);
            if (author && (byWhom || isCapitalised(toks[author.last]!))) {
              np = author;
              spanEnd = author.last;
            }
            break;
          }
        }
        // "according to his team, Gorbea Cycling", "according to the auction house, Whitford's":
        // a common noun, then the name it stands for.
        if (!isCapitalised(toks[np.head]!) && np.last + 1 < toks.length && /^,\s*$/.test(toks[np.last]!.post)) {
          const named = phraseAfter(toks, np.last + 1);
          const ends = named && (breaksAfter(toks[named.last]!) || named.last === toks.length - 1);
          if (named && ends && isCapitalised(toks[named.last]!) && !isPronoun(toks[named.first])) {
            np = named;
            spanEnd = named.last;
          }
        }
      } else {
        // (", noted Beatrix Olsen": a past form between a comma and a name is a cue, whatever the tagger read)
        const invertedShape = k > 0 && k + 1 < toks.length && /ed$/.test(t.norm) && breaksAfter(toks[k - 1]!) && isCapitalised(toks[k + 1]!) && !isVerbTok(t);
        // ('"It was cold," she joked.': a past verb right after a quotation and its speaker, ending the
        // sentence or its clause, tells how the quotation was said, whatever the verb)
        const quoteTag = k >= 2 && /^,["”]\s*$/.test(toks[k - 2]!.post) && (PERSON_PRONOUNS.has(toks[k - 1]!.norm) || (isCapitalised(toks[k - 1]!) && !isPronoun(toks[k - 1]!))) && (k === toks.length - 1 || /^[.,]/.test(t.post)) && infinitive(t.norm, PAST_TENSE) !== t.norm && (wordnet()?.synsets(infinitive(t.norm, PAST_TENSE), 'v').length ?? 0) > 0;
        // ("Toxicologists at Lund University caution that", "Team coaches grumble that": a cue's bare form
        // after a plural and before "that" is the verb, whatever the tagger read)
        const bareCue = k > 0 && WEAK_CUE_VERBS.has(t.norm) && pluralSubjectBefore(toks, k) && norm(k + 1) === 'that';
        if (!isVerbTok(t) && !has(t, 'Plural') && !invertedShape && !quoteTag && !bareCue) continue;
        const lemma = invertedShape || quoteTag ? infinitive(t.norm, PAST_TENSE) : bareCue ? t.norm : verbLemma(t);
        const strong = STRONG_CUE_VERBS.has(lemma) || quoteTag;
        // ("Pritchard pointed out": a verb and its particle report speech)
        const phrasal = PHRASAL_CUES.get(lemma) === norm(k + 1);
        const weak = WEAK_CUE_VERBS.has(lemma) || phrasal;
        const quoteCue = QUOTE_CUE_VERBS.has(lemma);
        const docCue = DOCUMENT_CUE_VERBS.has(lemma);
        if (!strong && !weak && !quoteCue && !docCue) continue;
        // ("Some neighbours objected" opposes; "campaigners object that ..." reports)
        if (lemma === 'object' && norm(k + 1) !== 'that') continue;
        if (!isVerbTok(t) && !docCue && !invertedShape && !quoteTag && !bareCue) continue;
        // Passive without an agent ("was described as") names no source.
        // ("a crowd estimated by organisers at 48,000", "was confirmed by police": the agent is the source)
        // (people or a name: "the payout announced by the state" is no attribution)
        const agent = norm(k + 1) === 'by' && /ed$/.test(t.norm) ? phraseAfter(toks, k + 2) : null;
        const byAgent = agent && (isCapitalised(toks[agent.head]!) || peopleNoun(nounLemma(toks[agent.head]!)) !== null) ? agent : null;
        // (not across a quotation's end: '"See how fast it is," said coach Anna Novak')
        if (isCopula(toks[k - 1]) && !breaksAfter(toks[k - 1]!) && has(t, 'PastTense') && !byAgent) continue;
        // "Lund also pointed out", "Wendlinger later said": an adverb between the subject and the cue.
        let subjEnd = k;
        // "Craig Bellamy (Liberal-Churchlands) said": a bracketed affiliation after the name.
        if (k > 1 && /\)\s*$/.test(toks[k - 1]!.post)) {
          let o = k - 1;
          while (o > 0 && o > k - 6 && !/\(/.test(toks[o]!.pre)) o--;
          if (/\(/.test(toks[o]!.pre) && o > 0) subjEnd = o;
        }
        while (subjEnd > 1 && has(toks[subjEnd - 1], 'Adverb') && !breaksAfter(toks[subjEnd - 1]!) && !breaksAfter(toks[subjEnd - 2]!) && /ly$|^also$|^later$|^again$|^previously$|^repeatedly$/.test(toks[subjEnd - 1]!.norm)) subjEnd--;
        // ("the city council has admitted", "The union branch has warned": a perfect's auxiliary, whatever the tagger read)
        if (subjEnd > 1 && has(t, 'PastTense') && ['has', 'have', 'had'].includes(toks[subjEnd - 1]!.norm) && !breaksAfter(toks[subjEnd - 2]!)) subjEnd--;
        // "Berg, 30, said", "Student Inês Moura, 17, ... said": an age between commas is no speaker.
        if (subjEnd >= 2 && isNumberTok(toks[subjEnd - 1]) && /^,\s*$/.test(toks[subjEnd - 1]!.post) && /^,\s*$/.test(toks[subjEnd - 2]!.post)) subjEnd--;
        // ("Gareth Hindle, defending, said", "Nadia Shah, mitigating, told the court": a role in court,
        // one participle between commas, is no speaker; the name before it is)
        else if (subjEnd >= 2 && /^\p{Ll}+ing$/u.test(toks[subjEnd - 1]!.text) && /^,\s*$/.test(toks[subjEnd - 1]!.post) && /^,\s*$/.test(toks[subjEnd - 2]!.post) && isCapitalised(toks[subjEnd - 2]!)) subjEnd--;
        const prev = toks[subjEnd - 1];
        const leftBoundary = !prev || breaksAfter(prev);
        np = leftBoundary && prev && /^,\s*$/.test(prev.post) ? nounPhraseBefore(toks, subjEnd, { crossComma: true }) : leftBoundary ? null : nounPhraseBefore(toks, subjEnd);
        // ("Ferraz, who has entered every year since 2011, told the Herald": an appositive or relative
        // clause ending in a figure; the speaker is the name that opens the sentence before it)
        // (a phrase of time or a figure before the comma is no speaker: "since 2011,", "since the 1780s,")
        const timeOrFigure = np !== null && (isNumberTok(toks[np.head]) || has(toks[np.head], 'Date') || /^\d/.test(toks[np.head]!.text));
        // (nor is a pronoun for a thing, "Maasdal Water, which owns and maintains them, said"; and a
        // clause whose last phrase was not read, "which oversees the courts service,", is stepped over too)
        const impersonal = np !== null && isPronoun(toks[np.head]) && !PERSON_PRONOUNS.has(toks[np.head]!.norm);
        const lost = !np && (!isNounTok(prev) || clauseOpensBefore(toks, subjEnd));
        // (a relative clause's last phrase, a thing, is no speaker either: "Resident Anna Berg, 52, from
        // Hull, who lives by the harbour, told the Gazette")
        const clauseEnd = np !== null && !lost && !timeOrFigure && !impersonal && /^\p{Ll}/u.test(toks[np.head]!.text) && wordnet()?.synsets(nounLemma(toks[np.head]!), 'n')[0]?.lexfile !== PERSON_LEXFILE && clauseOpensBefore(toks, subjEnd);
        if ((lost || timeOrFigure || impersonal || clauseEnd) && prev && /^,\s*$/.test(prev.post)) {
          // (the sentence's first word may be the name: "Vafeiadou, who has run the blog since 2016, said")
          for (let x = subjEnd - 2; x >= 0 && x >= subjEnd - 20; x--) {
            // (or a role with no article: "Cllr Tom Ashworth, lead member for housing, said")
            if (!CLAUSE_COMMA.test(toks[x]!.post) || !(['who', 'whose', 'which', 'a', 'an', 'the'].includes(norm(x + 1)) || /^\p{Ll}/u.test(toks[x + 1]?.text ?? ''))) continue;
            // ("Doug Ferreira (Ward 4), who voted against, said": the name before the parenthesis)
            const opener = nounPhraseBefore(toks, /\)/.test(toks[x]!.post) ? parenStart(toks, x) : x + 1, { crossComma: true });
            // (a relative clause is told of the phrase that opens the sentence, whatever it names: "The
            // Department of Justice, which oversees the courts service, said"; sourceOf reads it)
            const relative = ['who', 'whose', 'which'].includes(norm(x + 1));
            // (a word or two the phrase reading left before it still open the sentence: "Retired teacher
            // Brendan Quinn, who served ...")
            // (or follow a quotation that opens it: '"This is a sad day," Doug Ferreira (Ward 4), who voted against, said')
            const opens = opener !== null && (opener.first === 0 || (opener.first <= 2 && !toks.slice(0, opener.first).some((w) => breaksAfter(w))) || (/^["“]/.test(toks[0]!.pre) && /["”]/.test(toks[opener.first - 1]!.post)));
            if (opener && opens && (relative || personName(toks, opener, s.start) || (opener.first === opener.last && memory.mentions.fullName(toks[opener.head]!.text) !== null))) np = opener;
            // (past an age and a place between commas, "Maie Kask, 74, who ...": the name that opens the
            // sentence, or the words after a quotation that opens it)
            else if (relative) {
              const first = openingName(toks);
              if (first) np = first;
            }
            break;
          }
        }
        // ("Parents who collected their children on Sunday say", "Former miners who tend the park's flower
        // beds say": the phrase before the cue ends a restrictive relative clause of the people the
        // sentence opens with; they are the speakers)
        if (np && np.first > 1 && !isPronoun(toks[np.head]) && !toks.slice(0, k).some((w) => breaksAfter(w))) {
          const who = toks.findIndex((w, x) => x > 0 && x < np!.first && w.norm === 'who');
          const opener = who > 0 ? nounPhraseBefore(toks, who) : null;
          if (opener && opener.first <= 1 && has(toks[opener.head], 'Plural') && peopleNoun(nounLemma(toks[opener.head]!)) === 'person') np = opener;
        }
        // ("Team coaches grumble that": a plural the tagger read as a verb, and the words before it)
        // ("Rival coaches in the capital grumble that": the people, not the place they are in)
        const inPlace = np !== null && bareCue && np.first >= 2 && ['in', 'at', 'of', 'from'].includes(norm(np.first - 1)) && !isCapitalised(toks[np.head]!) && pluralNoun(toks[np.first - 2]!) && peopleNoun(nounLemma(toks[np.first - 2]!)) === 'person';
        const subjectEnd = inPlace ? np!.first - 1 : k;
        if (inPlace) np = null;
        if (!np && bareCue && pluralNoun(toks[subjectEnd - 1]!)) {
          let f = subjectEnd - 1;
          while (f > 0 && !breaksAfter(toks[f - 1]!) && (isNounTok(toks[f - 1]) || has(toks[f - 1], 'Adjective')) && !isVerbTok(toks[f - 1])) f--;
          if (f === 0 || breaksAfter(toks[f - 1]!)) np = { first: f, last: subjectEnd - 1, head: subjectEnd - 1, mods: [] };
        }
        // "Elena Dragomir welcomed the deal but said": the subject of the verb the cue is joined to.
        if (!np && prev && (prev.norm === 'and' || prev.norm === 'but') && !breaksAfter(toks[subjEnd - 2] ?? prev)) {
          for (let v = subjEnd - 2; v > 0 && v >= subjEnd - 10; v--) {
            if (breaksAfter(toks[v]!) || has(toks[v], 'Conjunction')) break;
            if (isVerbTok(toks[v]) && !has(toks[v], 'Auxiliary') && !isVerbTok(toks[v - 1])) {
              const subj = nounPhraseBefore(toks, v, { crossComma: true });
              // (a name, a pronoun, or a phrase ending an appositive the source reading steps over:
              // "Martin Oyelaran, who chairs the committee, welcomed the figures but said")
              const opens = subj !== null && (subj.first === 0 || breaksAfter(toks[subj.first - 1]!));
              if (subj && ((opens && (personName(toks, subj, s.start) || PERSON_PRONOUNS.has(toks[subj.head]!.norm))) || /,/.test(toks[subj.last]!.post))) np = subj;
              break;
            }
          }
        }
        // "Niamh Brophy said early indications pointed to a fault, but cautioned that": a cue joined to
        // an earlier one in its sentence is told by the same speaker.
        if (!np && prev && (prev.norm === 'and' || prev.norm === 'but') && (strong || weak) && !memory.mentions.inQuote(t.start)) {
          const said = out.at(-1);
          if (said && said.sentence === s.index && said.end <= prev.start) {
            const end = norm(k + 1) === 'that' ? k + 1 : k;
            out.push(toldAgain(said, surface(text, toks, k, k), prev.start, toks[end]!.end));
            k = end;
            continue;
          }
        }
        // ", said Jari Nieminen, who runs a canteen": after a comma that ends a clause of its own,
        // a name after the cue is the speaker, not the noun before the comma.
        if (np && leftBoundary && prev && /^,\s*$/.test(prev.post) && !isCapitalised(toks[np.head]!) && !isPronoun(toks[np.head])) {
          const after = phraseAfter(toks, k + 1);
          if (after && personName(toks, after, s.start) && (breaksAfter(toks[after.last]!) || after.last === toks.length - 1)) np = null;
        }
        // "Economist Youssef El Idrissi of Mohammed V University in Rabat said": a person named at
        // the start of the clause, then where they work; the speaker is the person.
        if (np && np.first > 1 && ['of', 'in', 'at', 'from', 'with'].includes(norm(np.first - 1)) && !breaksAfter(toks[np.first - 2]!)) {
          let c = np.first - 1;
          while (c > 0 && !breaksAfter(toks[c - 1]!)) c--;
          const clause = toks.slice(c, subjEnd);
          const subj = clause.some((x) => isVerbTok(x) && !isCapitalised(x)) ? null : phraseAfter(toks, c);
          const named = subj ? personName(toks, subj, s.start) : null;
          if (subj && named && toks.slice(named[0], named[1] + 1).some(isNameTok)) np = { ...subj, last: named[1], head: named[1] };
          // ("Vintners in the region said", "officials from both countries said": people, then where from)
          // ("Officials in the Madrid regional government said": a named body speaks for its officials)
          else if (subj && !named && subj.head < np.first && !toks.slice(np.first, np.last + 1).some(isCapitalised) && has(toks[subj.head], 'Plural') && peopleNoun(nounLemma(toks[subj.head]!)) === 'person') np = { ...subj, last: subj.head };
        }
        // "The Teamsters local representing about 3,100 drivers said": the phrase after a participle
        // is what the subject represents; the speaker is the subject before it.
        if (np && np.first > 1) {
          let g = np.first - 1;
          while (g > 0 && (isNumberTok(toks[g]) || ['about', 'some', 'around', 'nearly', 'almost', 'roughly', 'than', 'more', 'over', 'the', 'its', 'their'].includes(toks[g]!.norm)) && !breaksAfter(toks[g - 1]!)) g--;
          if (g > 0 && /ing$/.test(toks[g]!.norm) && g < np.first && !breaksAfter(toks[g - 1]!)) {
            const subj = nounPhraseBefore(toks, g);
            if (subj && (subj.first === 0 || breaksAfter(toks[subj.first - 1]!)) && !isPronoun(toks[subj.head])) np = subj;
          }
        }
        // "Judge Margaret Ellery thanked the jurors, saying": after a comma, a cue in -ing is told by the
        // subject of the clause it hangs on, not by the object before the comma.
        if (np && /ing$/.test(t.norm) && prev && /^,\s*$/.test(prev.post) && !isCapitalised(toks[np.head]!)) {
          let v = np.first - 1;
          while (v > 0 && !(isVerbTok(toks[v]) && !has(toks[v], 'Auxiliary')) && !breaksAfter(toks[v - 1]!)) v--;
          const subj = v > 0 && isVerbTok(toks[v]) ? nounPhraseBefore(toks, v) : null;
          // (the span then runs from the subject to the cue)
          if (subj && (subj.first === 0 || breaksAfter(toks[subj.first - 1]!)) && (personName(toks, subj, s.start) || isPronoun(toks[subj.head]))) np = subj;
        }
        // ("Reykjavik resident Gunnar Haraldsson, who said he waited": the one "who" stands for)
        if (np && norm(np.head) === 'who' && np.head > 0 && /,/.test(toks[np.head - 1]!.post)) {
          const who = np.head;
          np = nounPhraseBefore(toks, who, { crossComma: true });
          // (the person an attribution of this sentence already names: '..., said resident Gunnar
          // Haraldsson, who said he waited')
          const said = out.at(-1);
          if (np && said && said.sentence === s.index && said.start < toks[np.last]!.end && toks[np.first]!.start < said.end && !memory.mentions.inQuote(t.start)) {
            out.push(toldAgain(said, surface(text, toks, k, k), toks[who]!.start, t.end));
            continue;
          }
        }
        if (np && ['that', 'which', 'who'].includes(norm(np.head))) np = null;
        let inverted = false;
        if (byAgent) {
          np = byAgent;
          inverted = true;
        }
        if (!np && leftBoundary) {
          // "... ," said union spokesperson Marta Velez
          const after = phraseAfter(toks, k + 1);
          // "said Councillor Peter Hanley (Con-Wetherby)": a bracket after the name ends it too.
          const ends = (x: number) => breaksAfter(toks[x]!) || x === toks.length - 1 || /^\s*\(/.test(toks[x]!.post) || breaksBefore(toks[x + 1] ?? toks[x]!);
          // ("said trade commissioner Lucia Ferrante after the meeting", "said plasma physicist Greta Moll
          // of the Hanseatic Institute": a named person, then where, when or whose)
          const named = (x: number) => AFTER_NAME.has(norm(x + 1)) && after !== null && personName(toks, after, s.start) !== null && toks.slice(after.first, after.last + 1).some((w) => isCapitalised(w) && w.start !== s.start);
          // ("said her father, Richard Coombes, who still runs the dairy", "said the farm's owner, Richard
          // Coombes": a role, then the person's name in apposition)
          const role = after && /^,\s*$/.test(toks[after.last]!.post) && !isCapitalised(toks[after.head]!) ? phraseAfter(toks, after.last + 1) : null;
          // ("said the city's councillor for festivities, Marta Outeiral", "said the court-appointed
          // administrator, Karin Lindqvist": lower-case words of a role up to a comma, then a name of two
          // or more capitalised words that ends the clause, whether or not the lexicon knows it)
          const titled = roleThenName(toks, k + 1, ends);
          if (titled) {
            np = titled;
            inverted = true;
          } else if (role && personName(toks, role, s.start) && toks.slice(role.first, role.last + 1).some(isNameTok) && ends(role.last)) {
            np = role;
            inverted = true;
          } else if (after && (ends(after.last) || named(after.last)) && !isPronoun(toks[after.first]) && norm(after.first) !== 'that') {
            np = after;
            inverted = true;
          } else {
            // ("said master sweep Anton Leitgeb, who heads the guild", "said packer and union
            // representative Soazig Kerhervé": lower-case words of a title, whatever the tagger made of
            // them, then a name of two or more capitalised words that ends the clause)
            let x = k + 1;
            while (x < toks.length && x - k <= 6 && /^\p{Ll}/u.test(toks[x]!.text) && !breaksAfter(toks[x]!)) x++;
            let y = x;
            while (y < toks.length && isCapitalised(toks[y]!) && !(y > x && breaksBefore(toks[y]!))) {
              y++;
              if (breaksAfter(toks[y - 1]!)) break;
            }
            const name = { first: x, last: y - 1, head: y - 1, mods: [] };
            if (x > k + 1 && y - x >= 2 && (ends(y - 1) || AFTER_NAME.has(norm(y))) && personName(toks, name, s.start) !== null) {
              np = name;
              inverted = true;
            }
          }
        }
        if (!np) continue;
        const headTok = toks[np.head]!;
        if (isPronoun(headTok) && !PERSON_PRONOUNS.has(headTok.norm)) continue;
        if (docCue && !DOCUMENT_NOUNS.has(nounLemma(headTok))) continue;
        if (quoteCue && !hasQuote(text.slice(t.end, s.end))) continue;
        if (weak && !strong) {
          const trailing = np.first > 0 && breaksAfter(toks[np.first - 1]!);
          // ("The International Cocoa Organization reported ...": an organisation's or person's name reporting)
          // ("The regional water board reported granules in 11 ditches", "First-aid teams reported treating
          // 140 people": a body or people opening the sentence, by a noun WordNet files as a group or a person)
          const bodyReporter = lemma === 'report' && !inverted && np.first <= 1 && !isCapitalised(toks[np.head]!) && !isPronoun(toks[np.head]) && (wordnet()?.synsets(nounLemma(toks[np.head]!), 'n').slice(0, 3) ?? []).some((x) => x.lexfile === 14 || x.lexfile === PERSON_LEXFILE);
          const namedReporter = bodyReporter || (lemma === 'report' && !inverted && isCapitalised(toks[np.head]!) && np.head > 0 && !isPronoun(toks[np.head]));
          // ("conceded the side had been outplayed": a clause of its own after the cue, "that" left out)
          let o = k + 1;
          while (o < toks.length && ((isDeterminer(toks[o]!) && !isPronoun(toks[o]!)) || POSSESSIVE_PRONOUNS.has(toks[o]!.norm) || (has(toks[o], 'Ordinal') && o > k + 1))) o++;
          const object = o < toks.length ? (isPronoun(toks[o]!) && PERSON_PRONOUNS.has(toks[o]!.norm) ? { last: o } : nounPhraseAfter(toks, o)) : null;
          const after = object ? toks[object.last + 1] : undefined;
          // (not when that verb is the cue itself: "in northwest Iowa, state officials said")
          // ("argue drive-throughs help people": a plural and a present verb that agrees with it)
          const agrees = (v: Tok) => has(v, 'PresentTense') && !has(v, 'Gerund') && !/s$/.test(v.norm) && has(toks[object!.last], 'Plural');
          const clause = after !== undefined && !breaksAfter(toks[object!.last]!) && (isAuxiliary(after) || isCopula(after) || (isVerbTok(after) && (has(after, 'PastTense') || has(after, 'Modal') || agrees(after)))) && !STRONG_CUE_VERBS.has(verbLemma(after)) && !WEAK_CUE_VERBS.has(verbLemma(after));
          // ("Powys County Council announced the decision on Tuesday": a body named in full announcing)
          const namedAnnouncer = (lemma === 'announce' || lemma === 'confirm') && !inverted && np.last > np.first && toks.slice(np.first, np.last + 1).every((w) => isCapitalised(w) || isDeterminer(w)) && isCapitalised(toks[np.head]!) && !isPronoun(toks[np.head]);
          const evidence = inverted || trailing || namedReporter || namedAnnouncer || clause || norm(k + (phrasal ? 2 : 1)) === 'that' || breaksAfter(t) || k === toks.length - 1 || breaksBefore(toks[k + 1] ?? t) || hasQuote(sentenceText);
          if (!evidence) continue;
        }
        if (inverted) {
          spanStart = k;
          spanEnd = np.last;
        } else {
          spanStart = np.first;
          spanEnd = k;
          if (norm(np.first - 1) === 'with' && !breaksAfter(toks[np.first - 1]!)) spanStart = np.first - 1;
        }
        // "told reporters", "told the BBC"
        if (lemma === 'tell') {
          const obj = phraseAfter(toks, k + 1);
          if (obj && obj.last - obj.first < 4) spanEnd = Math.max(spanEnd, obj.last);
        }
        if (phrasal && spanEnd === k) spanEnd++;
        if (norm(spanEnd + 1) === 'that' && (spanEnd === k || (phrasal && spanEnd === k + 1)) && !breaksAfter(toks[spanEnd]!)) spanEnd++;
        cueEnd = k;
      }
      if (!np) continue;
      // A cue inside a quotation is the quoted speaker's words ("For years people told us ..."), not an attribution.
      if (memory.mentions.inQuote(t.start)) continue;
      const npStart = toks[np.first]!.start;
      const npEnd = toks[np.last]!.end;
      let overlapsEarlier = false;
      for (let x = out.length - 1; x >= 0 && out[x]!.sentence === s.index; x--) if (out[x]!.start < npEnd && npStart < out[x]!.end) overlapsEarlier = true;
      if (overlapsEarlier) continue;
      const source = sourceOf(doc, toks, np, s.start, s.index, out, memory, np.last < k);
      if (!source) continue;
      const a = Math.min(spanStart, np.first, k);
      const b = Math.max(spanEnd, cueEnd);
      out.push({
        source: source.name,
        cue: surface(text, toks, k, cueEnd),
        start: toks[a]!.start,
        end: toks[b]!.end,
        sentence: s.index,
        person: source.person,
      });
      if (!source.person) rememberFullerName(fullerNames, source.name);
      k = Math.max(k, b);
    }
  }
}

/** A plural noun ends the phrase before `k`, or opens it before a place it is from: "Team coaches", "Economists in Budapest", "Toxicologists at Lund University". */
function pluralSubjectBefore(toks: readonly Tok[], k: number): boolean {
  if (breaksAfter(toks[k - 1]!)) return false;
  if (pluralNoun(toks[k - 1]!)) return true;
  for (let p = k - 2; p >= 1 && p >= k - 5; p--) {
    if (breaksAfter(toks[p]!)) return false;
    if (['in', 'at', 'of', 'from'].includes(toks[p]!.norm)) return pluralNoun(toks[p - 1]!) && !breaksAfter(toks[p - 1]!);
  }
  return false;
}

/** A plural noun, or an -s word the tagger read as a verb that WordNet has as a noun's plural ("Team coaches"). */
function pluralNoun(t: Tok): boolean {
  return (has(t, 'Plural') && isNounTok(t)) || (has(t, 'PresentTense') && pluralOfNoun(t));
}

/** Whether token x sits inside a parenthesis: "(Ind, Lindmoor West)". */
function insideParens(toks: readonly Tok[], x: number): boolean {
  for (let y = x; y >= 0 && y >= x - 8; y--) {
    if (y < x && /\)/.test(toks[y]!.post)) return false;
    if (/\(/.test(toks[y]!.pre)) return !/\)/.test(toks[x]!.post);
  }
  return false;
}

/** The first token of the parenthesis token x closes ("(Greens)"), or x + 1 when none opens within reach. */
function parenStart(toks: readonly Tok[], x: number): number {
  for (let y = x; y >= 0 && y >= x - 8; y--) if (/\(/.test(toks[y]!.pre)) return y;
  return x + 1;
}

/** Another cue of the speaker of `said`, in its sentence ("..., but cautioned that", "..., who said"). */
function toldAgain(said: Attribution, cue: string, start: number, end: number): Attribution {
  return { source: said.source, cue, start, end, sentence: said.sentence, person: said.person };
}

function sourceOf(
  doc: AssistDoc,
  toks: readonly Tok[],
  np: NounPhrase,
  sentenceStart: number,
  sentence: number,
  earlier: readonly Attribution[],
  { index, fullerNames, mentions }: Memory,
  precedesCue = true,
): { name: string; person: boolean } | null {
  const text = doc.text;
  const head = toks[np.head]!;
  const phrase = surface(text, toks, np.first, np.last);
  if (isPronoun(head)) {
    const paragraph = doc.sentences[sentence]!.paragraph;
    // "she told reporters": the last person named before it, of her gender when the name tells it,
    // in this paragraph or the one before.
    const from = doc.paragraphs[Math.max(0, paragraph - 1)]?.start ?? 0;
    const gender = head.norm === 'she' ? 'f' : 'm';
    // The person quoted last in this paragraph, when the pronoun can be theirs ("Rui Santos, said ...
    // 'he said'"), then the last person named of the pronoun's gender, then the person quoted last in
    // the paragraph before, then the last person named whose first name tells no gender.
    const quoted = (minParagraph: number) => {
      for (let x = earlier.length - 1; x >= 0; x--) {
        const e = earlier[x]!;
        if (doc.sentences[e.sentence]!.paragraph < minParagraph) break;
        if (e.person && (!PERSON_PRONOUNS.has(head.norm) || mentions.genderOfName(e.source) !== (gender === 'f' ? 'm' : 'f'))) return e.source;
      }
      return null;
    };
    const here = quoted(paragraph);
    if (here) return { name: here, person: true };
    // ("Calloway, who started from pole, lost the lead. 'I had nothing,' he said": a person named in
    // this paragraph, even one whose first name tells no gender, before anyone of the paragraph before)
    if (PERSON_PRONOUNS.has(head.norm)) {
      const named = mentions.personBefore(head.start, gender, doc.paragraphs[paragraph]?.start ?? from) ?? mentions.personBefore(head.start, gender, from, { strict: true });
      if (named) return { name: index.match(named, named) ?? named, person: true };
    }
    const before = quoted(paragraph - 1);
    if (before) return { name: before, person: true };
    // Else the last person named whose first name does not tell a gender.
    if (PERSON_PRONOUNS.has(head.norm)) {
      const named = mentions.personBefore(head.start, gender, from);
      if (named) return { name: index.match(named, named) ?? named, person: true };
    }
    return null;
  }
  // ("A spokesperson for Crustworks said": who the spokesperson speaks for)
  for (let f = np.first + 1; f < np.last; f++) {
    if (toks[f]!.norm !== 'for' || !SPEAKS_FOR.has(nounLemma(toks[f - 1]!)) || !isCapitalised(toks[f + 1]!)) continue;
    const n = surface(text, toks, f + 1, np.last);
    return { name: index.match(n, n) ?? n, person: false };
  }
  const person = personName(toks, np, sentenceStart);
  // (a phrase that names a person by a name the lexicon knows is the speaker itself: "The party's
  // leader, Ingrid Solheim, told")
  const namesPerson = person !== null && toks.slice(person[0], person[1] + 1).some(isNameTok);
  // "Peter Lindqvist, an epidemiologist at the Karolinska Institute, said", "Mark Hewitson, the head
  // of emergency planning for Cumberland Council, told", "Pohjola Paper, which employs 1,100 people
  // in Kemi, said": the phrase before the cue ends an appositive (or a relative clause) of the name
  // its clause opened with; the source is that name, not the last noun of the appositive.
  // (only for a phrase before its cue: "according to a report released by the ministry, deepening
  // pressure" ends no appositive)
  // (a name after a preposition is no speaker's: "The lighting firm, based in Madrid, said")
  const inPhrase = np.first > 0 && has(toks[np.first - 1], 'Preposition') && !/,/.test(toks[np.first - 1]!.post);
  if (precedesCue && /,/.test(toks[np.last]!.post) && (!namesPerson || inPhrase)) {
    // (the name may stand several appositive pieces back, "Imogen Tate, of Fleet Chambers, who was not
    // involved in the case, said", and a parenthesis may follow it, "Anna Lührs (Greens), who chairs")
    let from = np.first - 1;
    for (let piece = 0; piece < 3; piece++) {
      let comma = -1;
      for (let x = from; x >= 0; x--) {
        if (/,/.test(toks[x]!.post) && !insideParens(toks, x)) {
          comma = x;
          break;
        }
      }
      // ("Ines Moura, 17, who lives in Gualtar, said": an age between commas is no opener)
      if (comma > 0 && isNumberTok(toks[comma]) && /,/.test(toks[comma - 1]!.post)) comma--;
      if (comma < 0) break;
      from = comma - 1;
      const end = /\)/.test(toks[comma]!.post) ? parenStart(toks, comma) : comma + 1;
      const opener = nounPhraseBefore(toks, end, { crossComma: true });
      // (the name opens its clause, maybe after words describing it: "Selection panel convenor Graeme Lusk,")
      let lead = opener?.first ?? 0;
      while (lead > 0 && !breaksAfter(toks[lead - 1]!) && !isVerbTok(toks[lead - 1]) && !has(toks[lead - 1], 'Preposition')) lead--;
      const opens = opener !== null && (opener.first <= 2 || lead === 0 || breaksAfter(toks[lead - 1]!) || /["”]/.test(toks[lead - 1]!.post));
      const name = opener && opens ? personName(toks, opener, sentenceStart) : null;
      if (name) {
        const n = surface(text, toks, name[0], name[1]);
        return { name: mentions.fullName(n) ?? index.match(n, n) ?? n, person: true };
      }
      // "The company, which produces 1.4 million tonnes a year, said": the opener is the source.
      if (opener && opens && /^[\s,]*(?:which|who|that)\b/i.test(text.slice(toks[comma]!.end, toks[comma]!.end + 8)) && opener.last === comma) {
        return sourceOf(doc, toks, opener, sentenceStart, sentence, earlier, { index, fullerNames, mentions });
      }
      // An organisation's name: every word of it capitalised ("Pohjola Paper").
      if (opener && opens && !isPronoun(toks[opener.head]) && opener.last - opener.first <= 4) {
        const words = toks.slice(opener.first, opener.last + 1).filter((t) => !isDeterminer(t));
        if (words.length > 0 && isCapitalised(words[0]!) && words.every((t) => isCapitalised(t) || has(t, 'Possessive') || NAME_PARTICLES.has(t.norm))) {
          const n = surface(text, toks, opener.first + (isDeterminer(toks[opener.first]!) ? 1 : 0), opener.last);
          return { name: index.match(n, n) ?? n, person: false };
        }
      }
      // "The trawler's owners, a family firm from Klaksvík, said", "The lighting firm, based in Madrid,
      // said": a common noun phrase opening the sentence, then an appositive; the source is the phrase.
      if (opener && opener.first <= 2 && opener.last === comma && (isDeterminer(toks[0]!) || has(toks[0], 'Possessive')) && isNounTok(toks[opener.head]) && !isCapitalised(toks[opener.head]!) && APPOSITIVE_START.test(text.slice(toks[comma]!.end, toks[comma]!.end + 12))) {
        return sourceOf(doc, toks, { ...opener, first: 0 }, sentenceStart, sentence, earlier, { index, fullerNames, mentions });
      }
      // "Aerlinea Verde, a Portuguese carrier that operates 46 aircraft, 19 of them CJ-900s, said":
      // an appositive of several commas after the name that opens the sentence.
      const first = phraseAfter(toks, 0);
      if (first && first.last < comma && /^,\s*$/.test(toks[first.last]!.post) && isCapitalised(toks[first.head]!) && ['a', 'an', 'the', 'who', 'which', 'one'].includes(toks[first.last + 1]?.norm ?? '')) {
        return sourceOf(doc, toks, first, sentenceStart, sentence, earlier, { index, fullerNames, mentions });
      }
    }
  }
  if (person) {
    const name = surface(text, toks, person[0], person[1]);
    return { name: index.match(name, phrase) ?? mentions.fullName(name) ?? name, person: true };
  }
  // "Dahlgaard warned": a surname alone, of a person named in full before.
  if (np.first === np.last && isCapitalised(head)) {
    const full = mentions.fullName(head.text);
    if (full) return { name: index.match(full, full) ?? full, person: true };
  }
  // "The ministry's report noted": a document speaks for its owner.
  const documentNoun = (t: Tok) => DOCUMENT_NOUNS.has(nounLemma(t)) || AUTHORED_NOUNS.has(nounLemma(t));
  if (documentNoun(head)) {
    for (let x = np.head - 1; x >= np.first; x--) {
      // ("according to its latest accounts": the organisation last quoted, else the one the text names most)
      if (toks[x]!.norm === 'its' || toks[x]!.norm === 'their') {
        const org = lastQuotedOrganisation(earlier) ?? mentions.organisationBefore(head.start);
        if (org) return { name: org, person: false };
        return null;
      }
      if (!has(toks[x], 'Possessive')) continue;
      const owner = sourceOf(doc, toks, { first: np.first, last: x, head: x, mods: [] }, sentenceStart, sentence, earlier, { index, fullerNames, mentions });
      if (owner) return owner;
      break;
    }
    // ("according to a council report", "a tribunal judgment": the body a noun before the document
    // names, by the fuller name the text gave it: "Harwick District Council")
    for (let x = np.head - 1; x >= np.first; x--) {
      const t = toks[x]!;
      if (isCapitalised(t) || has(t, 'Possessive') || !isNounTok(t)) continue;
      if (!GENERIC_ORGS.has(nounLemma(t)) && nounLemma(t) !== 'tribunal') continue;
      const titled = titledNameBefore(text, nounLemma(t), head.start);
      if (titled) return { name: index.match(titled, titled) ?? titled, person: false };
    }
    // ("according to cancer registry figures", "police data": the nouns before a document name who
    // compiled it)
    let m0 = np.first;
    while (m0 < np.head && isDeterminer(toks[m0]!)) m0++;
    // (only when the noun right before it names a body or a person: "the fire investigation report" is
    // a report on a fire)
    const compiler = (t: Tok) => (wordnet()?.synsets(nounLemma(t), 'n').slice(0, 2) ?? []).some((x) => x.lexfile === 14 || x.lexfile === PERSON_LEXFILE);
    if (m0 < np.head && COMPILED.has(nounLemma(head)) && toks.slice(m0, np.head).every((t) => (isNounTok(t) || (wordnet()?.synsets(nounLemma(t), 'n').length ?? 0) > 0) && !has(t, 'Possessive') && !has(t, 'Adjective') && !documentNoun(t)) && compiler(toks[np.head - 1]!)) {
      const n = surface(text, toks, m0, np.head - 1);
      return { name: index.match(n, n) ?? mentions.acronyms.get(n) ?? n, person: false };
    }
    // "The statement noted": whoever was last quoted as speaking in one ("said in a statement").
    if (np.first + 1 === np.head && toks[np.first]!.norm === 'the' && !has(head, 'Plural')) {
      const noun = new RegExp(`\\b(?:a|an|its|his|her|their)\\s+(?:\\p{L}+\\s+)?${head.norm}\\b`, 'iu');
      const issuer = [...earlier].reverse().find((e) => noun.test(doc.sentenceText(e.sentence)));
      if (issuer) return { name: issuer.source, person: issuer.person };
    }
  }
  let a = np.first;
  while (a < np.last && (isDeterminer(toks[a]!) || (has(toks[a], 'Possessive') && a < np.head))) a++;
  // (an abbreviated title before a name the tagger did not read as a person's: "Coun. Doug Ferreira")
  while (a < np.last && isTitleAbbreviation(toks[a]!.norm.replace(/\.$/, '')) && isCapitalised(toks[a + 1]!)) a++;
  // "the polling firm Cadem", "Japanese carmaker Hoshino Motors": a common noun describing the
  // name after it; the source is the name.
  for (let x = np.last - 1; x >= a && isCapitalised(toks[np.last]!); x--) {
    const t = toks[x]!;
    if (isCapitalised(t) || hyphenJoined(t)) continue;
    if (!NAME_PARTICLES.has(t.norm) && !isDeterminer(t) && !has(t, 'Possessive')) a = x + 1;
    break;
  }
  let name = surface(text, toks, a, np.last).replace(/[’']s$/, '');
  // "the ACM": the name it was spelt out with.
  name = mentions.acronyms.get(name) ?? name;
  const known = index.match(name, phrase);
  if (known) return { name: known, person: false };
  // "The clerk added": the person the article named with that role ("county clerk Benjamin Okafor").
  // ("The chief executive said": a role of two or three words too)
  if (np.first < a && toks[np.first]!.norm === 'the' && np.last - a <= 2 && toks.slice(a, np.last + 1).every((t) => /^\p{Ll}+$/u.test(t.text))) {
    const named = roleNameBefore(text, toks.slice(a, np.last + 1).map((t) => t.norm).join(' '), head.start);
    if (named) return { name: index.match(named, named) ?? mentions.fullName(named) ?? named, person: true };
  }
  // "The authority said": the fuller name given before ("the port authority").
  const isBareDefinite = np.first < a && toks[np.first]!.norm === 'the' && a === np.last && !isCapitalised(toks[a]!) && !ROLE_NOUNS.has(nounLemma(toks[a]!));
  if (isBareDefinite) {
    // ("the ministry's report": the owner's noun without its possessive)
    const noun = toks[a]!.norm.replace(/['’]s$/, '');
    const fuller = fullerNames.get(noun);
    // "the company said": the last organisation quoted by name.
    // (else the organisation the document names most, "Stratus Cloud")
    const generic = GENERIC_ORGS.has(nounLemma(toks[a]!));
    const business = BUSINESS_NOUNS.has(nounLemma(toks[a]!));
    // ("the company": the business the document names most, else the last organisation quoted by
    // name; "the agency": the last organisation quoted by name)
    const lastQuoted = () => lastQuotedOrganisation(earlier);
    // ("the companies announced": the two the document names most, as one source)
    const pair = business && has(toks[a], 'Plural') ? mentions.organisationsBefore(head.start) : null;
    const named = pair ? `${pair[0]} and ${pair[1]}` : generic ? ((business ? mentions.organisationBefore(head.start) ?? lastQuoted() : lastQuoted()) ?? undefined) : undefined;
    // "the commission said": the name ending in that word given before ("the State Examinations Commission").
    const titled = titledNameBefore(text, noun, head.start);
    // ("who set up the operator, Adria Nightline, in 2023" ... "according to the operator": named in apposition)
    const apposed = apposedNameBefore(text, noun, head.start);
    if (apposed) name = index.match(apposed, apposed) ?? apposed;
    else if (fuller) name = fuller;
    else if (titled) name = index.match(titled, titled) ?? titled;
    else if (named) name = named;
  }
  return { name, person: false };
}

/** The name set in apposition after "the <noun>," last before `at` ("the operator, Adria Nightline,"). */
function apposedNameBefore(text: string, noun: string, at: number): string | null {
  if (noun.length < 3 || !/^\p{Ll}+$/u.test(noun)) return null;
  const re = new RegExp(`\\bthe[^\\S\\n]+${noun},[^\\S\\n]+((?:\\p{Lu}[\\p{L}'’&-]*)(?:[^\\S\\n]+\\p{Lu}[\\p{L}'’&-]*){0,3})(?=[,.;:)]|[^\\S\\n]+(?:in|on|at|which|who|that)\\b)`, 'gu');
  let best: string | null = null;
  for (const m of text.slice(Math.max(0, at - 20_000), at).matchAll(re)) best = m[1]!;
  return best;
}

/** The last capitalised name before `at` whose final word is `noun` ("State Examinations Commission" for "commission"). */
function titledNameBefore(text: string, noun: string, at: number): string | null {
  if (noun.length < 3) return null;
  const capital = noun[0]!.toUpperCase() + noun.slice(1);
  // ("Kenya's Ministry of Health": the name starts after a possessive and may go on with "of ...";
  // a name is on one line: a byline's title above a paragraph is no part of it)
  const re = new RegExp(
    `((?:\\p{Lu}[\\p{L}.-]*[^\\S\\n]+(?:(?:of|for|and|on)[^\\S\\n]+(?:the[^\\S\\n]+)?)?){0,5})${capital}((?:[^\\S\\n]+(?:of|for)[^\\S\\n]+(?:the[^\\S\\n]+)?\\p{Lu}[\\p{L}-]*(?:[^\\S\\n]+(?:and[^\\S\\n]+)?\\p{Lu}[\\p{L}-]*){0,3})?)\\b`,
    'gu',
  );
  // (within the 20,000 characters before: a long document's earlier chapters name other bodies)
  // The one named most often: "the university" of an article about the University of Eastmoor that
  // names another university too is Eastmoor.
  const counts = new Map<string, number>();
  for (const m of text.slice(Math.max(0, at - 20_000), at).matchAll(re)) {
    const name = `${m[1]!}${capital}${m[2]!}`.replace(/^(?:The|A|An)\s+/, '');
    if (name === capital) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  // (on a tie, the first named: an article opens with the body it is about)
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

/**
 * The last person named right after a role noun before `at` ("county clerk Benjamin Okafor",
 * "rider Iker Etxeberria", within 3,000 characters): a first and a last name, capitalised.
 */
function roleNameBefore(text: string, noun: string, at: number): string | null {
  if (noun.length < 3 || !/^\p{Ll}+(?: \p{Ll}+){0,2}$/u.test(noun)) return null;
  // (the role's first letter in either case: "Chief executive Daniel Okafor", "Employment Judge Helen Rudd")
  const role = `[${noun[0]}${noun[0]!.toUpperCase()}]${noun.slice(1).replace(/ /g, '\\s+')}`;
  // (a name is on one line: "Brabant Court Reporter" over "The district court" is none)
  const name = `(\\p{Lu}[\\p{Ll}'’-]+(?:[^\\S\\n]+\\p{Lu}[\\p{Ll}'’-]+){1,2})`;
  // "director Henrik Solberg", or "Henrik Solberg, the centre's scientific director"
  const before = new RegExp(`\\b${role}[^\\S\\n]+${name}`, 'gu');
  // (the role ends the appositive, and names a person: not "Dr Priya Raman, the authority's director")
  const after = new RegExp(`${name},\\s+(?:the|its|their|\\p{Lu}?[\\p{L}-]+['’]s)\\s+(?:[\\p{Ll}-]+(?:['’]s)?\\s+){0,3}${role}(?=\\s*[,.;:)]|\\s+(?:of|at|for|in|said|says|told)\\b)`, 'gu');
  const person = peopleNoun(noun.split(' ').at(-1)!) === 'person';
  let last: string | null = null;
  let lastAt = -1;
  const window = text.slice(Math.max(0, at - 3_000), at);
  for (const re of person ? [before, after] : [before]) {
    for (const m of window.matchAll(re)) {
      if (m.index >= lastAt) {
        last = m[1]!;
        lastAt = m.index;
      }
    }
  }
  return last;
}

/** The latest multi-word source per last word ("authority" -> "port authority"), for "the authority said". */
function rememberFullerName(fullerNames: Map<string, string>, source: string): void {
  const words = source.toLowerCase().split(/\s+/);
  if (words.length > 1) fullerNames.set(words[words.length - 1]!, source);
}
