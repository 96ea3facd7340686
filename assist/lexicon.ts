// Closed word classes the rules reason with. Open classes (nouns, verbs, names, numbers) come from
// compromise; these are the small functional vocabularies a tagger does not label for us: units,
// currencies, quantity qualifiers, reporting verbs, scope words. Keys are lower case, singular.

/** Time units, in hours. */
export const TIME_UNITS: ReadonlyMap<string, number> = new Map([
  ['second', 1 / 3600],
  ['sec', 1 / 3600],
  ['minute', 1 / 60],
  ['min', 1 / 60],
  ['hour', 1],
  ['hr', 1],
  ['day', 24],
  ['night', 24],
  ['week', 168],
  ['fortnight', 336],
  ['month', 730.5],
  ['year', 8766],
  ['decade', 87_660],
  ['century', 876_600],
]);

/** Currency words and symbols -> ISO-ish code. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['usd', 'USD'],
  ['euro', 'EUR'],
  ['eur', 'EUR'],
  ['pound', 'GBP'],
  ['sterling', 'GBP'],
  ['gbp', 'GBP'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['rupee', 'INR'],
  ['franc', 'CHF'],
  ['rouble', 'RUB'],
  ['ruble', 'RUB'],
  ['peso', 'MXN'],
  ['krona', 'SEK'],
  ['krone', 'NOK'],
  ['kroner', 'NOK'],
  ['kronor', 'SEK'],
  ['won', 'KRW'],
  ['shekel', 'ILS'],
  ['lira', 'TRY'],
  ['rand', 'ZAR'],
  ['naira', 'NGN'],
  ['dinar', 'DIN'],
  ['riyal', 'SAR'],
  ['dirham', 'AED'],
  ['hryvnia', 'UAH'],
  ['zloty', 'PLN'],
  // (more national currencies by their words; "reais" is the plural of the Brazilian real)
  ['reais', 'BRL'],
  ['reai', 'BRL'],
  ['forint', 'HUF'],
  ['koruna', 'CZK'],
  ['baht', 'THB'],
  ['ringgit', 'MYR'],
  ['rupiah', 'IDR'],
  ['shilling', 'KES'],
  ['lei', 'RON'],
  ['leu', 'RON'],
  ['tenge', 'KZT'],
  ['taka', 'BDT'],
  ['cedi', 'GHS'],
]);
/** A word's letters without their marks: "złoty" -> "zloty", "øre" -> "ore" (ł, ø and đ have no decomposition). */
function foldLetters(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/đ/g, 'd');
}

/** The code of a currency word, as written or without its letters' marks ("złoty"). */
export function currencyOfWord(word: string): string | undefined {
  return CURRENCY_WORDS.get(word) ?? CURRENCY_WORDS.get(foldLetters(word));
}
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₩', 'KRW'],
]);

/** Dollar signs with a country's prefix: A$2.3 billion, C$40m, HK$1bn. */
export const CURRENCY_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['US$', 'USD'],
  ['R$', 'BRL'],
  ['NT$', 'TWD'],
]);

/** A currency word named with its country ("Australian dollars", "Swiss francs"): the adjective, then the currency word's code -> the country's code. */
export const NATIONAL_CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['australian USD', 'AUD'],
  ['canadian USD', 'CAD'],
  ['zealand USD', 'NZD'],
  ['kong USD', 'HKD'],
  ['singapore USD', 'SGD'],
  ['singaporean USD', 'SGD'],
  ['taiwan USD', 'TWD'],
  ['taiwanese USD', 'TWD'],
  ['american USD', 'USD'],
  ['us USD', 'USD'],
  ['swiss CHF', 'CHF'],
  ['egyptian GBP', 'EGP'],
  ['lebanese GBP', 'LBP'],
  ['argentine MXN', 'ARS'],
  ['argentinian MXN', 'ARS'],
  ['philippine MXN', 'PHP'],
  ['colombian MXN', 'COP'],
  ['chilean MXN', 'CLP'],
  ['pakistani INR', 'PKR'],
  ['nepalese INR', 'NPR'],
  ['lankan INR', 'LKR'],
  ['danish NOK', 'DKK'],
  ['jordanian DIN', 'JOD'],
  ['kuwaiti DIN', 'KWD'],
  ['iraqi DIN', 'IQD'],
  ['serbian DIN', 'RSD'],
  ['qatari SAR', 'QAR'],
  ['moroccan AED', 'MAD'],
]);

/** Units of measure -> [dimension, factor to the dimension's base unit]. */
export const MEASURE_UNITS: ReadonlyMap<string, readonly [string, number]> = new Map([
  ['kilometre', ['length', 1000]],
  ['kilometer', ['length', 1000]],
  ['km', ['length', 1000]],
  ['metre', ['length', 1]],
  ['centimetre', ['length', 0.01]],
  ['centimeter', ['length', 0.01]],
  ['cm', ['length', 0.01]],
  ['millimetre', ['length', 0.001]],
  ['millimeter', ['length', 0.001]],
  ['mm', ['length', 0.001]],
  ['meter', ['length', 1]],
  ['mile', ['length', 1609.344]],
  ['foot', ['length', 0.3048]],
  ['tonne', ['mass', 1000]],
  ['ton', ['mass', 1000]],
  ['kilogram', ['mass', 1]],
  ['kg', ['mass', 1]],
  ['gram', ['mass', 0.001]],
  ['milligram', ['mass', 1e-6]],
  ['mg', ['mass', 1e-6]],
  ['microgram', ['mass', 1e-9]],
  ['litre', ['volume', 1]],
  ['liter', ['volume', 1]],
  ['barrel', ['volume', 159]],
  ['hectare', ['area', 10_000]],
  ['acre', ['area', 4046.86]],
  ['inch', ['length', 0.0254]],
  ['yard', ['length', 0.9144]],
  ['ounce', ['mass', 0.0283495]],
  ['gallon', ['volume', 3.78541]],
  ['kilowatt', ['power', 0.001]],
  ['kw', ['power', 0.001]],
  ['megawatt', ['power', 1]],
  ['mw', ['power', 1]],
  ['gigawatt', ['power', 1000]],
  ['gw', ['power', 1000]],
  // energy, in megawatt-hours
  ['kwh', ['energy', 0.001]],
  ['mwh', ['energy', 1]],
  ['gwh', ['energy', 1000]],
  ['twh', ['energy', 1_000_000]],
  // temperatures, in degrees Celsius ("39.6 degrees Celsius", "the 37.2-degree reading"; Fahrenheit
  // is read apart in quantities.ts)
  ['degree', ['temperature', 1]],
  ['°c', ['temperature', 1]],
  // speeds, in km/h
  ['km/h', ['speed', 1]],
  ['kmh', ['speed', 1]],
  ['kph', ['speed', 1]],
  ['mph', ['speed', 1.609344]],
  ['knot', ['speed', 1.852]],
  // (abbreviations and signs; a bare "m" is left alone, it is as often a million)
  ['ft', ['length', 0.3048]],
  ['lb', ['mass', 0.45359237]],
  ['lbs', ['mass', 0.45359237]],
  ['oz', ['mass', 0.0283495]],
  ['ml', ['volume', 0.001]],
  ['millilitre', ['volume', 0.001]],
  ['milliliter', ['volume', 0.001]],
  ['°f', ['temperature °F', 1]],
  ['km²', ['area', 1_000_000]],
  ['km2', ['area', 1_000_000]],
  ['m²', ['area', 1]],
]);

/** A unit named with a word before it: "18 nautical miles", "9,500 metric tons". */
export const QUALIFIED_UNITS: ReadonlyMap<string, readonly [string, number]> = new Map([
  ['nautical mile', ['length', 1852]],
  ['metric ton', ['mass', 1000]],
  ['metric tonne', ['mass', 1000]],
  ['short ton', ['mass', 907.18474]],
  ['long ton', ['mass', 1016.0469]],
]);

/** How a measure's unit reads in an explanation: its dimension's base unit, else the unit (a currency code). */
const UNIT_LABELS: Record<string, string> = { length: 'm', mass: 'kg', area: 'square metres', volume: 'litres', power: 'MW', energy: 'MWh', speed: 'km/h', temperature: '°C', 'temperature °F': '°F' };
export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit] ?? unit;
}

/** Words that scale a number: 4.2 million, 3bn. */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['k', 1e3],
  ['million', 1e6],
  ['m', 1e6],
  ['mn', 1e6],
  ['billion', 1e9],
  ['bn', 1e9],
  ['b', 1e9],
  ['trillion', 1e12],
  ['tn', 1e12],
  ['dozen', 12],
  // (South Asian: a lakh is a hundred thousand, a crore ten million)
  ['lakh', 1e5],
  ['lakhs', 1e5],
  ['crore', 1e7],
  ['crores', 1e7],
]);

export type Approx = 'exact' | 'about' | 'nearly' | 'atLeast' | 'moreThan' | 'lessThan' | 'upTo';

/** Qualifiers before a number, longest first (word sequences, lower case). */
export const QUALIFIERS: ReadonlyArray<readonly [string[], Approx]> = [
  [['the', 'best', 'part', 'of'], 'nearly'],
  [['the', 'better', 'part', 'of'], 'nearly'],
  [['in', 'the', 'region', 'of'], 'about'],
  [['on', 'the', 'order', 'of'], 'about'],
  [['a', 'little', 'more', 'than'], 'about'],
  [['a', 'little', 'less', 'than'], 'nearly'],
  [['a', 'little', 'over'], 'about'],
  [['a', 'little', 'under'], 'nearly'],
  [['slightly', 'more', 'than'], 'about'],
  [['slightly', 'less', 'than'], 'nearly'],
  [['just', 'more', 'than'], 'about'],
  [['just', 'less', 'than'], 'nearly'],
  [['just', 'shy', 'of'], 'nearly'],
  [['just', 'short', 'of'], 'nearly'],
  [['a', 'shade', 'under'], 'nearly'],
  [['getting', 'on', 'for'], 'nearly'],
  [['not', 'quite'], 'nearly'],
  [['no', 'more', 'than'], 'upTo'],
  [['not', 'more', 'than'], 'upTo'],
  [['at', 'most'], 'upTo'],
  [['a', 'maximum', 'of'], 'upTo'],
  [['a', 'minimum', 'of'], 'atLeast'],
  [['well', 'over'], 'moreThan'],
  [['well', 'above'], 'moreThan'],
  [['well', 'under'], 'lessThan'],
  [['well', 'below'], 'lessThan'],
  [['upwards', 'of'], 'moreThan'],
  [['more', 'than'], 'moreThan'],
  [['greater', 'than'], 'moreThan'],
  [['in', 'excess', 'of'], 'moreThan'],
  [['at', 'least'], 'atLeast'],
  [['no', 'fewer', 'than'], 'atLeast'],
  [['no', 'less', 'than'], 'atLeast'],
  [['fewer', 'than'], 'lessThan'],
  [['less', 'than'], 'lessThan'],
  [['just', 'under'], 'nearly'],
  [['just', 'over'], 'about'],
  [['close', 'to'], 'nearly'],
  [['up', 'to'], 'upTo'],
  [['as', 'many', 'as'], 'upTo'],
  [['an', 'estimated'], 'about'],
  [['nearly'], 'nearly'],
  [['near'], 'nearly'],
  [['almost'], 'nearly'],
  [['barely'], 'nearly'],
  [['scarcely'], 'nearly'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['roughly'], 'about'],
  [['approximately'], 'about'],
  [['some'], 'about'],
  [['estimated'], 'about'],
  [['over'], 'moreThan'],
  [['under'], 'lessThan'],
];

/** Verbs that report speech with a particle: "pointed out", "spelled out". */
export const PHRASAL_CUES: ReadonlyMap<string, string> = new Map([
  ['point', 'out'],
  ['spell', 'out'],
]);

/** Verbs that report speech or writing (lemmas). `say` and `tell` need no further evidence. */
export const STRONG_CUE_VERBS: ReadonlySet<string> = new Set(['say', 'tell']);
export const WEAK_CUE_VERBS: ReadonlySet<string> = new Set([
  'report',
  'note',
  'add',
  'state',
  'announce',
  'confirm',
  'claim',
  'argue',
  'warn',
  'caution',
  'insist',
  'explain',
  'write',
  'acknowledge',
  'deny',
  'allege',
  'admit',
  'assert',
  'contend',
  'declare',
  'stress',
  'emphasise',
  'emphasize',
  'remark',
  'testify',
  'concede',
  'complain',
  // ("Retailers grumble that the games never reach the shops")
  'grumble',
  // ("Political scientist Petra Holá reckons the first test will come", "Campaigners object that")
  'reckon',
  'object',
  'reply',
  'estimate',
  'predict',
]);
/** "X called the decision 'a turning point'": only with a quotation after it. */
export const QUOTE_CUE_VERBS: ReadonlySet<string> = new Set(['call', 'describe', 'dismiss', 'hail', 'brand', 'term']);
/** "records show": only when the subject is a document. */
export const DOCUMENT_CUE_VERBS: ReadonlySet<string> = new Set(['show', 'suggest', 'indicate', 'reveal', 'find']);
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'record',
  'data',
  'datum',
  'figure',
  'document',
  'statistic',
  'poll',
  'survey',
  'filing',
  'minute',
  'report',
  'study',
  'research',
  'analysis',
  'footage',
  'log',
  'transcript',
  'estimate',
  'census',
  'audit',
  'review',
  'judgment',
  'judgement',
  'ruling',
  'account',
]);

/** Nouns that stand for "a number mentioned before": the 72 percent figure. */
export const SHELL_NOUNS: ReadonlySet<string> = new Set(['figure', 'number', 'rate', 'estimate', 'total', 'tally', 'count', 'statistic', 'level', 'result', 'sum', 'amount', 'share', 'reading']);

/** Words before a count that say it is the whole set: all three terminals. */
export const TOTALITY: ReadonlySet<string> = new Set(['all', 'both', 'entire', 'whole']);

/** Words that make a number a plan, forecast or hypothesis rather than a reported fact. */
export const HEDGES: ReadonlySet<string> = new Set([
  'budget',
  'budgeted',
  'forecast',
  'forecasted',
  'projected',
  'projection',
  'target',
  'targeted',
  'planned',
  'plan',
  'plans',
  'planning',
  'intends',
  'intend',
  'intended',
  'aims',
  'hopes',
  'expects',
  'targets',
  'forecasts',
  'warned',
  'warning',
  'warnings',
  'proposed',
  'expected',
  'expect',
  'anticipated',
  'predicted',
  'aim',
  'goal',
  'could',
  'might',
  'would',
  'will',
  'may',
  'if',
  'hope',
  'hoped',
  'sought',
  'seek',
  'demand',
  'demanded',
  'offer',
  'offered',
]);

/** Words that put a number in a comparison or a change rather than state a level. */
export const COMPARISON: ReadonlySet<string> = new Set(['than', 'compared', 'versus', 'vs', 'from', 'previous', 'previously', 'earlier', 'ago', 'prior', 'before', 'whereas', 'while', 'instead']);

/** Words that make a count a subset, an addition or a rate rather than the whole. */
export const SUBSET: ReadonlySet<string> = new Set(['another', 'other', 'more', 'additional', 'further', 'extra', 'remaining', 'each', 'per', 'every', 'only', 'including', 'among', 'those', 'some', 'most', 'several', 'many', 'first', 'last']);

/** Verbs that assert an identity or a rank: X is / marks / becomes the Nth Y. */
export const COPULA_LIKE: ReadonlySet<string> = new Set(['be', 'mark', 'become', 'represent', 'remain']);

/** Near-synonymous heads that name the same kind of thing in news text. */
const REFERENT_GROUPS: ReadonlyArray<readonly string[]> = [
  ['debate', 'session', 'sitting', 'hearing', 'deliberation'],
  ['talk', 'negotiation'],
  ['call', 'conversation', 'phone call'],
  ['strike', 'stoppage', 'walkout'],
  ['trial', 'study'],
  ['vote', 'ballot'],
  ['person', 'people', 'individual'],
  ['child', 'kid'],
  ['death', 'fatality'],
  ['country', 'nation'],
  ['firm', 'company'],
  ['worker', 'employee'],
];
const REFERENT_CLASS = new Map<string, string>();
for (const group of REFERENT_GROUPS) for (const w of group) REFERENT_CLASS.set(w, group[0]!);
/** The class a (singular, lower-case) head noun belongs to, or the noun itself. */
export function referentClass(lemma: string): string {
  return REFERENT_CLASS.get(lemma) ?? lemma;
}

/** Determiners and possessives that open a noun phrase. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'some', 'any', 'each', 'every']);
export const DEFINITE: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** The cardinal number words to twenty, as a regular-expression alternation. */
export const CARDINAL_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Parts of a day that name no day of their own ("through the night", "before dawn"). */
export const HOURS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'noon', 'midday', 'afternoon', 'evening', 'night', 'midnight', 'dawn', 'dusk', 'overnight']);
/** Parts of a day that anchor an event in time: by noon, in the evening; and the days told from today. */
export const DAY_PARTS: ReadonlySet<string> = new Set([...HOURS_OF_DAY, 'today', 'yesterday', 'tomorrow', 'tonight']);

/** Pronouns that can stand for a person source. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

/** Nouns for someone speaking on behalf of an organisation: a police spokesman. */
export const ROLE_NOUNS: ReadonlySet<string> = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'representative', 'aide', 'source', 'officer', 'statement', 'adviser', 'advisor']);

/** Adjectives that make a figure a rate: "hourly", "monthly", "annual". */
export const RATE_ADJECTIVES: ReadonlyMap<string, string> = new Map([['hourly', 'hour'], ['daily', 'day'], ['weekly', 'week'], ['monthly', 'month'], ['yearly', 'year'], ['annual', 'year'], ['annually', 'year']]);
