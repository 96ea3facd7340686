import { Button } from 'react-aria-components';
import type { Flag, FlagPassage } from '../../../common/domain';
import { shorten } from '../panel/model';
import type { Indexes } from '../store/indexes';

// A flag accepted from a case spans documents: the claims it holds in other documents than the
// open one are named by their words and their document's title (FlagDetails, AnnotationDetails).

/** A flag's claims in other documents (accepted from a case): not in this one's indexes. */
export function passagesElsewhere(flag: Flag, ix: Indexes): FlagPassage[] {
  return (flag.across ?? []).filter((p) => !ix.byId.has(p.annotationId));
}

/** A claim of another document, quoted and named by its document; pressed, that document opens at it. */
export function ElsewhereQuote({ p, onOpen }: { p: FlagPassage; onOpen(documentId: number, annotationId: number): void }) {
  return (
    <Button className="cs-quote-link cs-elsewhere" data-testid="flag-elsewhere" onPress={() => onOpen(p.documentId, p.annotationId)} aria-label={`Open ${p.title} at: ${shorten(p.exact, 80)}`}>
      <q>{shorten(p.exact, 110)}</q>
      <span className="cs-muted cs-small-text">in {p.title}</span>
    </Button>
  );
}
