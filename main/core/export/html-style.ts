/**
 * The report's stylesheet. Kinds of highlight differ by line style and brackets, not only by colour:
 * claims are underlined solid, attributions dotted, flagged passages sit in ⟦brackets⟧; overlapping
 * underlines are drawn at different depths (lanes) so each stays visible. Colour is only a second cue.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font: 16px/1.55 "Noto Serif", "DejaVu Serif", Georgia, serif; color: #1b1b1b; background: #fff; }
body { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, h4, .kicker, nav, table, .cards, .legend, dl.meta, .notes dt, footer, sup.mk, .flag-head {
  font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 2rem; line-height: 1.2; margin: .3rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2.6rem 0 1rem; padding-bottom: .25rem; border-bottom: 2px solid #1b1b1b; break-after: avoid; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; break-after: avoid; }
a { color: #0b4f8a; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.kicker { margin: 0; font-size: .75rem; letter-spacing: .08em; text-transform: uppercase; color: #555; }
dl.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1.2rem; margin: 0; font-size: .9rem; }
dl.meta dt { font-weight: 600; color: #444; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.meta-grid { display: flex; flex-wrap: wrap; gap: .4rem 2.5rem; }
.meta-grid dl.meta { flex: 1 1 18rem; }
dl.meta.record { margin-top: .8rem; font-size: .78rem; color: #444; }
dl.meta.record dt { font-weight: 600; color: #555; }

.bottom-line { margin: 1.2rem 0 0; padding: .7rem 1rem .8rem; border: 1px solid #999; border-left: 6px solid #1b1b1b; border-radius: 4px; break-inside: avoid; }
.bottom-line h2 { margin: 0 0 .4rem; padding: 0; border: 0; font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: #444; }
.verdict-line { margin: 0 0 .4rem; font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.verdict { display: inline-block; font-weight: 700; font-size: 1.05rem; padding: .05rem .55rem; border: 2px solid #1b1b1b; border-radius: 4px; margin-right: .4rem; }
.verdict[data-verdict="reliable"] { background: #d8f0dc; }
.verdict[data-verdict="mostly_reliable"] { background: #e8f5d0; }
.verdict[data-verdict="mixed"] { background: #fff1a8; }
.verdict[data-verdict="misleading"] { background: #ffe0c2; }
.verdict[data-verdict="false"] { background: #ffd9d9; }
.verdict[data-verdict="unassessed"] { border-style: dashed; color: #555; }
.assessment-summary { margin: .2rem 0 0; }
.assessed { margin: .5rem 0 0; font-size: .8rem; color: #555; font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
nav.toc { margin: 1.5rem 0 0; padding: .5rem 0; border-top: 1px solid #ccc; border-bottom: 1px solid #ccc; font-size: .9rem; }
nav.toc a { margin-right: 1.1rem; white-space: nowrap; }
.muted { color: #555; }
.empty { font-style: italic; color: #555; }

.cards { display: flex; flex-wrap: wrap; gap: .8rem; }
.card { flex: 1 1 12rem; border: 1px solid #999; border-radius: 4px; padding: .6rem .8rem; break-inside: avoid; }
.card h3 { margin: 0 0 .3rem; font-size: .8rem; letter-spacing: .05em; text-transform: uppercase; color: #444; }
.card .big { font-size: 1.7rem; font-weight: 700; line-height: 1.1; }
.card table { margin-top: .4rem; font-size: .85rem; }
.card td, .card th { border: 0; padding: .05rem .3rem .05rem 0; }
.card td.n { text-align: right; font-variant-numeric: tabular-nums; }
.card ul.refs { margin: .3rem 0 0; padding: 0; list-style: none; font-size: .85rem; }
.card ul.refs li { display: inline; margin-right: .4rem; }

.legend { break-inside: avoid; display: flex; flex-wrap: wrap; gap: .4rem 1.4rem; margin: 0 0 1.2rem; padding: .5rem .8rem; border: 1px dashed #999; font-size: .85rem; line-height: 2.2; }
.doc { line-height: 2.3; font-size: 1.02rem; }
.doc p, .doc li { white-space: pre-wrap; margin: 0 0 1rem; overflow-wrap: break-word; }
.doc .dh { white-space: pre-wrap; line-height: 1.6; margin: 1.6rem 0 .6rem; }
.doc blockquote { margin: 0 0 1rem; padding-left: 1rem; border-left: 3px solid #999; }
.doc ul, .doc ol { margin: 0 0 1rem; padding-left: 1.6rem; }
/* A table of the document itself (not one of the report's). */
.doc table.dt { width: auto; max-width: 100%; margin: 0 0 1rem; font-size: .92rem; }

.hl { padding-bottom: 2px; background-clip: content-box; }
.cl { border-bottom: 2px solid #1b1b1b; background-color: #fff1a8; }
.at { border-bottom: 2px dotted #1b1b1b; background-color: #d9eaff; }
.ln1 { padding-bottom: 6px; }
.ln2 { padding-bottom: 10px; }
.ln3 { padding-bottom: 14px; }
.fl { background-color: #ffd9d9; }
.br { font-weight: 700; color: #9b1111; }
sup.mk { font-size: .62rem; font-weight: 700; line-height: 1; margin: 0 1px; }
sup.mk a { color: #1b1b1b; text-decoration: none; border: 1px solid #777; border-radius: 3px; padding: 0 2px; background: #fff; }
sup.mk-f a { border-style: double; border-width: 3px; padding: 0 1px; }
.sample { padding: 0 .2rem; }
/* An invisible character shown as ⟨U+202E⟩: isolated and left-to-right, so it reorders nothing and nothing reorders it. */
.cf { unicode-bidi: isolate; direction: ltr; white-space: nowrap; font: 700 .68em/1 "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #9b1111; background: #fff0f0; border: 1px solid #9b1111; border-radius: 2px; padding: 0 1px; margin: 0 1px; }

table { width: 100%; border-collapse: collapse; font-size: .84rem; line-height: 1.4; }
th, td { border: 1px solid #aaa; padding: .35rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #ececec; font-weight: 700; overflow-wrap: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
tbody th { white-space: nowrap; }
td.q { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: .9rem; }
td.note, dd.note, div.note { overflow-wrap: anywhere; }
.note p { margin: 0 0 0.3em; }
.note p:last-child { margin-bottom: 0; }
.note ul, .note ol { margin: 0.2em 0 0.3em 1.2em; padding: 0; }
.note code { font-size: 0.92em; }
.note-url { color: #555; overflow-wrap: anywhere; }
.grade { display: inline-block; min-width: 1.4em; border: 1px solid #555; border-radius: 3px; text-align: center; font-weight: 700; }
.status { font-weight: 700; white-space: nowrap; }
.orphan { display: block; font-size: .75rem; font-style: italic; color: #555; }
.page { display: block; font-size: .75rem; font-weight: 400; color: #555; }
col.c-ref { width: 3rem; }
col.c-status { width: 6rem; }
col.c-cred { width: 7rem; }
col.c-source { width: 10rem; }
col.c-flags { width: 3.8rem; }
col.c-covers { width: 5rem; }
col.c-grade { width: 9.5rem; }
col.c-type { width: 6.5rem; }
col.c-cited { width: 7rem; }
.nowrap { white-space: nowrap; }
.card.wide { flex: 2 1 18rem; }

.flag { margin: 0 0 1.2rem; padding: .6rem .9rem; border: 1px solid #999; border-left: 6px double #1b1b1b; break-inside: avoid; }
.flag-head { margin: 0 0 .4rem; font-size: .95rem; font-weight: 700; }
.flag p { margin: .3rem 0; }
.flag ul { margin: .4rem 0; padding-left: 1.2rem; }
.flag li { margin: .25rem 0; }
q { quotes: "\\201C" "\\201D"; }

.notes dt { font-weight: 700; font-size: .85rem; margin-top: .6rem; }
.notes dd { margin: .1rem 0 0 1.2rem; }
footer { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid #ccc; font-size: .8rem; color: #555; }

@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; margin: 0; padding: 0; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 1.6rem; }
  .doc { line-height: 2.2; }
  /* No forced page break before the text: it left most of the first page blank. Headings keep
     with what follows instead. */
  section.text-section { break-before: auto; }
  .summary-section h2, .text-section h2 { margin-top: 1.2rem; }
  /* A4 is narrow: give the quote the room. */
  table { font-size: .8rem; }
  col.c-ref { width: 2.4rem; }
  col.c-status { width: 6rem; }
  col.c-cred { width: 5.4rem; }
  col.c-source { width: 7.5rem; }
  col.c-flags { width: 3rem; }
  col.c-note { width: 22%; }
  section.claims-section, section.attributions-section, section.sources-section, section.flags-section, section.notes-section { break-before: auto; }
}
`;
