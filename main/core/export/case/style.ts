/**
 * What the case report adds to the document report's stylesheet (html-style.ts): the matrix cells
 * and the grade colours. Each cell shows a word and a symbol; colour is only a second cue.
 */
export const CASE_CSS = `
body.case-report { max-width: 72rem; }
table.matrix td.cell, table.ach td.mark, table.ach td.score { text-align: center; white-space: nowrap; font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
table.matrix th.doc-col, table.ach th.doc-col { text-align: center; }
.cell[data-cell="stated"] { background: #d8f0dc; }
.cell[data-cell="contradicted"] { background: #ffd9d9; font-weight: 700; }
.cell[data-cell="both"] { background: #fff1a8; font-weight: 700; }
.cell[data-cell="silent"] { color: #555; }
.legend .cell { display: inline-block; min-width: 1.6em; text-align: center; border: 1px solid #999; border-radius: 3px; }
tr.contested > th { border-left: 4px solid #9b1111; }
td.credibility { min-width: 10rem; }
.cred { display: inline-block; min-width: 1.4em; border: 1px solid #555; border-radius: 3px; text-align: center; font-weight: 700; }
.cred.proposed { border-style: dashed; }
.cred[data-cred="1"] { background: #bfe6c6; }
.cred[data-cred="2"] { background: #d8f0dc; }
.cred[data-cred="3"] { background: #fff1a8; }
.cred[data-cred="4"] { background: #ffe0c2; }
.cred[data-cred="5"] { background: #ffd9d9; }
.cred[data-cred="6"] { background: #ececec; }
.grade[data-grade="A"] { background: #bfe6c6; }
.grade[data-grade="B"] { background: #d8f0dc; }
.grade[data-grade="C"] { background: #fff1a8; }
.grade[data-grade="D"] { background: #ffe0c2; }
.grade[data-grade="E"] { background: #ffd9d9; }
.grade[data-grade="F"] { background: #ececec; }
td.mark[data-mark="consistent"] { background: #d8f0dc; }
td.mark[data-mark="inconsistent"] { background: #ffd9d9; font-weight: 700; }
td.mark[data-mark="not_applicable"] { color: #555; }
table.ach tfoot th, table.ach tfoot td { background: #ececec; font-weight: 700; }
td.score.leading, .leading { outline: 2px solid #1b1b1b; }
span.leading { font-size: .75rem; font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; padding: 0 .3rem; border-radius: 3px; margin-left: .3rem; }
ol.hypotheses { list-style: none; padding: 0; margin: 0 0 .8rem; }
ol.hypotheses li { margin: .2rem 0; }
ul.passages { list-style: none; padding-left: 0; }
ul.passages li { margin: .5rem 0; padding-left: .4rem; border-left: 3px solid #ccc; }
ul.passages li[data-cell="contradicted"] { border-left-color: #9b1111; }
ul.passages li[data-cell="stated"] { border-left-color: #2e7d32; }
.context mark { background: #fff1a8; padding: 0 1px; }
.credibility-line { font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
col.c-ref { width: 3rem; }
col.c-date { width: 9rem; }
col.c-outlet { width: 10rem; }
col.c-sha { width: 12rem; }
col.c-groups { width: 7rem; }
@media print {
  body.case-report { max-width: none; }
  table.matrix { font-size: .75rem; }
  section.matrix-section, section.ach-section, section.contested-section { break-before: auto; }
}
`;
