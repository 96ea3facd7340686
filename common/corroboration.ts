import type { ClaimGroup, ClaimStance, GroupEvidence, Link, Reliability, Source } from './domain';
import { nameKey } from './selectors';

// Corroboration and independence of a claim group (issue 14), computed from its members and the
// attribution links of their documents, never stored; the analyst decides the grade
// (ClaimGroup.credibility), this only proposes one.
//
// Who a passage relies on:
// - the sources its attributions cite (an attribution links to the claim it covers, toAnnotationId,
//   and to a source, toSourceId), and any source the claim itself cites;
// - else the document's outlet: its metadata's `site`, else its title. An outlet named like a
//   registered source (its name or an alias, compared as nameKey compares) is that source.
//
// Independence: a source counts once however many documents state it ("Reuters, quoting TASS" in
// three papers is TASS once); an outlet counts once however many of its documents there are. A
// source counts on each side it is found on (a source that states it in one document and
// contradicts it in another counts once for and once against).
//
// The proposed Admiralty credibility, from S (independent sources stating the claim) and C
// (independent sources contradicting it); the first row that holds:
//
//   | row | condition                               | proposed             |
//   | --- | --------------------------------------- | -------------------- |
//   | a   | S = 0                                   | 6 cannot be judged   |
//   | b   | C > S                                   | 5 improbable         |
//   | c   | C = S                                   | 4 doubtful           |
//   | d   | C = 0, S >= 2                           | 1 confirmed          |
//   | e   | C = 0, S = 1, that source graded A or B | 2 probably true      |
//   | f   | C = 0, S = 1, otherwise                 | 3 possibly true      |
//   | g   | 0 < C, S > 2C                           | 2 probably true      |
//   | h   | 0 < C < S <= 2C                         | 3 possibly true      |
//
// An outlet that is no registered source has no grade (row f, not e).

/** What groupEvidence needs of one document: its name, its outlet and the links of its annotations. */
export interface EvidenceDocument {
  id: number;
  title: string;
  /** The outlet from the document's metadata (`site`), when the file named one. */
  site?: string | undefined;
  /** The links from the document's annotations (attribution -> claim, annotation -> source). */
  links: readonly Link[];
}

/** The Admiralty row that holds for these counts; `reliable`: the one stating source (S = 1) is graded A or B. */
export function proposeCredibility(stating: number, contradicting: number, reliable: boolean): 1 | 2 | 3 | 4 | 5 | 6 {
  if (stating === 0) return 6;
  if (contradicting > stating) return 5;
  if (contradicting === stating) return 4;
  if (contradicting === 0) return stating >= 2 ? 1 : reliable ? 2 : 3;
  return stating > 2 * contradicting ? 2 : 3;
}

interface Relied {
  key: string;
  sourceId: number | null;
  name: string;
  reliability: Reliability | null;
}

/** Who one claim relies on: the sources cited by its attributions or by itself, else the document's outlet. */
function reliedOn(claimId: number, doc: EvidenceDocument | undefined, documentId: number, sources: ReadonlyMap<number, Source>, outlets: ReadonlyMap<string, Source>): Relied[] {
  const ids = new Set<number>();
  if (doc) {
    const citers = new Set<number>([claimId]);
    for (const l of doc.links) if (l.toAnnotationId === claimId) citers.add(l.fromId);
    for (const l of doc.links) if (l.toSourceId !== null && citers.has(l.fromId)) ids.add(l.toSourceId);
  }
  const found = [...ids].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  if (found.length > 0) return found.map((s) => ({ key: `source:${s.id}`, sourceId: s.id, name: s.name, reliability: s.reliability }));
  const outlet = doc ? doc.site?.trim() || doc.title : `document ${documentId}`;
  const known = outlets.get(nameKey(outlet));
  if (known) return [{ key: `source:${known.id}`, sourceId: known.id, name: known.name, reliability: known.reliability }];
  return [{ key: `outlet:${nameKey(outlet)}`, sourceId: null, name: outlet, reliability: null }];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function names(list: ReadonlyArray<{ name: string }>): string {
  return list.map((s) => s.name).join(', ');
}

function reasonFor(proposed: number, stating: ReadonlyArray<Relied>, contradicting: ReadonlyArray<Relied>): string {
  const S = stating.length;
  const C = contradicting.length;
  const against = C === 0 ? 'none contradicts it' : `contradicted by ${plural(C, 'independent source', 'independent sources')} (${names(contradicting)})`;
  switch (proposed) {
    case 6:
      return `No passage states the claim${C > 0 ? ` and it is ${against}` : ''}, so it cannot be judged.`;
    case 5:
      return `Contradicted by ${plural(C, 'independent source', 'independent sources')} (${names(contradicting)}), more than the ${S} stating it (${names(stating)}).`;
    case 4:
      return `Stated by ${plural(S, 'independent source', 'independent sources')} (${names(stating)}) and contradicted by as many (${names(contradicting)}).`;
    case 1:
      return `Confirmed by ${S} independent sources (${names(stating)}), none contradicts it.`;
    default:
      if (C === 0) {
        const only = stating[0]!;
        const grade = only.reliability === null ? 'not graded' : `graded ${only.reliability}`;
        return `Stated by one source only (${only.name}, ${grade}), none contradicts it.`;
      }
      return `Stated by ${plural(S, 'independent source', 'independent sources')} (${names(stating)}), ${against}.`;
  }
}

/**
 * The corroboration of one claim group: which documents state and contradict it, the sources each
 * side relies on, how many of them are independent, and the Admiralty credibility proposed (see the
 * table above) with one sentence naming the sources.
 */
export function groupEvidence(
  group: Pick<ClaimGroup, 'id' | 'members'>,
  documents: ReadonlyMap<number, EvidenceDocument>,
  sources: readonly Source[],
): GroupEvidence {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const outlets = new Map<string, Source>();
  for (const s of sources) for (const n of [s.name, ...s.aliases]) if (!outlets.has(nameKey(n))) outlets.set(nameKey(n), s);

  const docs: Record<ClaimStance, number[]> = { states: [], contradicts: [] };
  const entries = new Map<string, Relied & { stance: ClaimStance; documentIds: number[] }>();
  for (const stance of ['states', 'contradicts'] as const) {
    for (const m of group.members) {
      if (m.stance !== stance) continue;
      if (!docs[stance].includes(m.documentId)) docs[stance].push(m.documentId);
      for (const r of reliedOn(m.annotationId, documents.get(m.documentId), m.documentId, byId, outlets)) {
        const id = `${stance}|${r.key}`;
        const entry = entries.get(id) ?? { ...r, stance, documentIds: [] };
        if (!entry.documentIds.includes(m.documentId)) entry.documentIds.push(m.documentId);
        entries.set(id, entry);
      }
    }
  }
  const all = [...entries.values()];
  const stating = all.filter((e) => e.stance === 'states');
  const contradicting = all.filter((e) => e.stance === 'contradicts');
  const reliable = stating.length === 1 && (stating[0]!.reliability === 'A' || stating[0]!.reliability === 'B');
  const proposed = proposeCredibility(stating.length, contradicting.length, reliable);
  return {
    groupId: group.id,
    stating: docs.states,
    contradicting: docs.contradicts,
    sources: all.map((e) => ({ sourceId: e.sourceId, name: e.name, reliability: e.reliability, stance: e.stance, documentIds: e.documentIds })),
    independentStating: stating.length,
    independentContradicting: contradicting.length,
    proposed,
    reason: reasonFor(proposed, stating, contradicting),
  };
}
