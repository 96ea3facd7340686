import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Hypothesis } from '../../../common/domain';
import { ACH_MARKS, type AchMark } from '../../../common/domain';
import { ACH_MARK_LABELS, ACH_MARK_SHORT, CREDIBILITY_LABELS, MATRIX_CELL_LABELS, credibilityLabel } from '../../../common/labels';
import type { CaseActions, CaseData, CaseDoc } from './useCase';
import { useRowWindow } from '../panel/useRowWindow';
import { achScores, filterRows, matrixRows, type MatrixRow } from './model';

/** A matrix row's height in pixels (cases.css: .cs-matrix-row): two lines of label and a badge. */
const ROW = 60;

// The case matrix: claim groups as rows, the case's documents as columns (each cell: stated,
// contradicted, silent), the grade (the analyst's, or the one proposed from corroboration and
// independence), and the ACH hypotheses as further columns with the analyst's marks and each
// hypothesis's inconsistency score. Filters: contested rows only, words.

interface Props {
  data: CaseData;
  docs: ReadonlyMap<number, CaseDoc>;
  actions: CaseActions;
  chosenGroup: number | null;
  onChooseGroup(id: number): void;
}

/** Column widths in pixels: each document, the grade, each hypothesis; the claim takes the rest (at least `claim`). */
const COL = { claim: 180, document: 80, grade: 150, hypothesis: 120 } as const;

const CELL_SIGN = { stated: '●', contradicted: '✕', both: '●✕', silent: '·' } as const;

export function CaseMatrix({ data, docs, actions, chosenGroup, onChooseGroup }: Props) {
  const [contestedOnly, setContestedOnly] = useState(false);
  const [query, setQuery] = useState('');
  const [newHypothesis, setNewHypothesis] = useState('');
  const documentIds = data.case.documentIds;
  const rows = useMemo(() => matrixRows(data.claimGroups, data.evidence, documentIds), [data.claimGroups, data.evidence, documentIds]);
  const shown = useMemo(() => filterRows(rows, { contestedOnly, query }), [rows, contestedOnly, query]);
  // Only the rows in view are drawn (each of one height): 500 groups filter as fast as 20.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const win = useRowWindow(scroller, shown.length, ROW, 8);
  // Stable handlers, so a row redraws only when its own data, its mark or its visibility changes.
  const latest = useRef({ actions, onChooseGroup });
  useEffect(() => {
    latest.current = { actions, onChooseGroup };
  });
  const on = useMemo<RowHandlers>(
    () => ({
      choose: (id) => latest.current.onChooseGroup(id),
      credibility: (id, value) => void latest.current.actions.setCredibility(id, value),
      mark: (h, g, mark) => void latest.current.actions.setMark(h, g, mark),
    }),
    [],
  );
  const scores = useMemo(() => achScores(data.hypotheses, data.marks), [data.hypotheses, data.marks]);
  const markOf = useMemo(() => new Map(data.marks.map((m) => [`${m.hypothesisId}:${m.groupId}`, m.mark])), [data.marks]);
  const best = data.hypotheses.length > 1 ? Math.min(...data.hypotheses.map((h) => scores.get(h.id) ?? 0)) : null;

  return (
    <section className="cs-matrix" aria-label="Case matrix">
      <div className="cs-matrix-bar">
        <label className="cs-inline-check">
          <input type="checkbox" checked={contestedOnly} onChange={(e) => setContestedOnly(e.target.checked)} />
          Contested only
        </label>
        <input type="search" className="cs-matrix-search" placeholder="Filter claims…" aria-label="Filter claim groups" value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="cs-hint" aria-live="polite">
          {shown.length} of {rows.length} claim groups
        </span>
        <span className="cs-hint cs-matrix-legend" aria-hidden="true">
          <span className="cs-cell-stated">{CELL_SIGN.stated}</span> {MATRIX_CELL_LABELS.stated.toLowerCase()} <span className="cs-cell-contradicted">{CELL_SIGN.contradicted}</span>{' '}
          {MATRIX_CELL_LABELS.contradicted.toLowerCase()} <span className="cs-cell-silent">{CELL_SIGN.silent}</span> {MATRIX_CELL_LABELS.silent.toLowerCase()}
        </span>
        <span className="cs-grow" />
        <form
          className="cs-hypothesis-form"
          onSubmit={(e) => {
            e.preventDefault();
            const label = newHypothesis.trim();
            if (!label) return;
            void actions.addHypothesis(label).then((ok) => ok && setNewHypothesis(''));
          }}
        >
          <input placeholder="New hypothesis…" aria-label="New hypothesis" value={newHypothesis} maxLength={2000} onChange={(e) => setNewHypothesis(e.target.value)} />
          <button type="submit" disabled={!newHypothesis.trim()}>
            Add hypothesis
          </button>
        </form>
      </div>
      {rows.length === 0 ? (
        <p className="cs-empty">No claim groups yet. Accept a suggestion, or choose claims in the documents and group them.</p>
      ) : (
        <div className="cs-matrix-scroll" ref={setScroller}>
          {/* Fixed layout, columns sized here: a filter that brings other rows in never makes the
              browser measure every cell again, and the columns do not jump. */}
          <table className="cs-matrix-table" style={{ minWidth: COL.claim + documentIds.length * COL.document + COL.grade + data.hypotheses.length * COL.hypothesis }}>
            <colgroup>
              <col />
              {documentIds.map((d) => (
                <col key={d} style={{ width: COL.document }} />
              ))}
              <col style={{ width: COL.grade }} />
              {data.hypotheses.map((h) => (
                <col key={h.id} style={{ width: COL.hypothesis }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="cs-matrix-claim">
                  Claim
                </th>
                {documentIds.map((d) => (
                  <th scope="col" key={d} className="cs-matrix-doc" title={docs.get(d)?.document.title}>
                    {docs.get(d)?.document.title ?? `Document ${d}`}
                  </th>
                ))}
                <th scope="col">Grade</th>
                {data.hypotheses.map((h) => (
                  <th scope="col" key={h.id} className="cs-matrix-hypothesis" title={h.label}>
                    <span>{h.label}</span>
                    <button type="button" className="cs-link-button" aria-label={`Delete hypothesis ${h.label}`} title="Delete this hypothesis" onClick={() => void actions.deleteHypothesis(h.id)}>
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {win.rows.length > 0 && win.rows[0]!.start > 0 && <tr className="cs-matrix-spacer" aria-hidden="true" style={{ height: win.rows[0]!.start }} />}
              {win.rows.map(({ index }) => {
                const r = shown[index]!;
                // Keyed by its place in the window: a filter that brings other groups in reuses the
                // rows' cells and selects instead of building them again.
                return (
                  <MatrixRowView
                    key={index % win.rows.length}
                    row={r}
                    documentIds={documentIds}
                    hypotheses={data.hypotheses}
                    marks={data.hypotheses.map((h) => markOf.get(`${h.id}:${r.group.id}`) ?? null).join(',')}
                    chosen={r.group.id === chosenGroup}
                    on={on}
                  />
                );
              })}
              {win.rows.length > 0 && <tr className="cs-matrix-spacer" aria-hidden="true" style={{ height: win.total - win.rows.at(-1)!.start - ROW }} />}
            </tbody>
            {shown.length === 0 && (
              <tbody>
                <tr>
                  <td colSpan={documentIds.length + 2 + data.hypotheses.length} className="cs-hint">
                    No claim group matches the filter.
                  </td>
                </tr>
              </tbody>
            )}
            {data.hypotheses.length > 0 && (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={documentIds.length + 2} className="cs-matrix-score-head">
                    Inconsistency score (fewer is likelier)
                  </th>
                  {data.hypotheses.map((h) => (
                    <td key={h.id} className={scores.get(h.id) === best ? 'cs-ach-score cs-ach-best' : 'cs-ach-score'}>
                      {scores.get(h.id) ?? 0}
                    </td>
                  ))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}

interface RowHandlers {
  choose(groupId: number): void;
  credibility(groupId: number, value: number | null): void;
  mark(hypothesisId: number, groupId: number, mark: AchMark | null): void;
}

interface RowProps {
  row: MatrixRow;
  documentIds: readonly number[];
  hypotheses: readonly Hypothesis[];
  /** The row's mark against each hypothesis, in their order, joined ('' where none): a string, so an unchanged row compares equal. */
  marks: string;
  chosen: boolean;
  on: RowHandlers;
}

const MatrixRowView = memo(function MatrixRowView({ row: r, documentIds, hypotheses, marks, chosen, on }: RowProps) {
  const grade = r.group.credibility;
  const proposed = r.evidence?.proposed ?? null;
  const markList = marks.split(',');
  return (
    <tr className={chosen ? 'cs-matrix-row cs-chosen' : 'cs-matrix-row'} aria-selected={chosen}>
      <th scope="row" className="cs-matrix-claim">
        <button type="button" className="cs-link-button cs-matrix-label" onClick={() => on.choose(r.group.id)} title={r.group.label || undefined}>
          {r.group.label || r.group.members[0]?.exact || `Group ${r.group.id}`}
        </button>
        {r.contested && <span className="cs-badge cs-badge-contested">contested</span>}
      </th>
      {r.cells.map((c, i) => {
        const d = documentIds[i]!;
        const passage = r.group.members
          .filter((m) => m.documentId === d)
          .map((m) => m.exact)
          .join(' … ');
        return (
          <td key={d} className={`cs-cell cs-cell-${c}`} title={passage ? `${MATRIX_CELL_LABELS[c]}: ${passage}` : MATRIX_CELL_LABELS[c]}>
            <span aria-hidden="true">{CELL_SIGN[c]}</span>
            <span className="cs-visually-hidden">{MATRIX_CELL_LABELS[c]}</span>
          </td>
        );
      })}
      <td className={`cs-matrix-grade cs-matrix-grade-${grade ?? proposed ?? 6}`}>
        <select
          aria-label={`Credibility of ${r.group.label || 'this claim'}`}
          value={grade ?? ''}
          onChange={(e) => on.credibility(r.group.id, e.target.value === '' ? null : Number(e.target.value))}
          title={r.evidence ? `Proposed ${credibilityLabel(r.evidence.proposed)}: ${r.evidence.reason}` : undefined}
        >
          <option value="">{proposed ? `Proposed: ${proposed}` : 'Not graded'}</option>
          {Object.keys(CREDIBILITY_LABELS).map((k) => (
            <option key={k} value={k}>
              {credibilityLabel(Number(k))}
            </option>
          ))}
        </select>
      </td>
      {hypotheses.map((h, i) => {
        const mark = (markList[i] || null) as AchMark | null;
        return (
          <td key={h.id} className={`cs-ach cs-ach-${mark ?? 'none'}`}>
            <select
              aria-label={`${r.group.label || 'This claim'} against ${h.label}`}
              value={mark ?? ''}
              onChange={(e) => on.mark(h.id, r.group.id, e.target.value === '' ? null : (e.target.value as AchMark))}
            >
              <option value="">—</option>
              {ACH_MARKS.map((m) => (
                <option key={m} value={m} title={ACH_MARK_LABELS[m]}>
                  {ACH_MARK_SHORT[m]}
                </option>
              ))}
            </select>
          </td>
        );
      })}
    </tr>
  );
});
