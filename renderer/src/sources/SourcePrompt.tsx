import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Button,
  ComboBox,
  Dialog,
  Heading,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  type Key,
} from 'react-aria-components';
import { RELIABILITY_GRADES, SOURCE_TYPES, type NewSource, type Reliability, type Source, type SourceType } from '../../../common/domain';
import { RELIABILITY_LABEL, shorten } from '../panel/model';
import { bestSourceMatch, guessSourceName, searchSources, similarSource, sourceNamed, sourceNamedIn } from './guess';
import { ChoiceSelect } from '../details/ChoiceSelect';
import { SOURCE_TYPE_LABELS } from '../../../common/labels';

// Asks for the source of an attribution, right after it is tagged (or with R): type-ahead over
// names and aliases, prefilled from the phrase. Enter picks the highlighted or exactly named
// source, or goes on to create one (grade A-F, Enter again); Escape skips.

interface Props {
  /** The phrase tagged as an attribution. */
  phrase: string;
  /** Where on screen the phrase is: the prompt opens below it. */
  anchor: DOMRect | null;
  sources: readonly Source[];
  currentSourceId: number | null;
  onPick(sourceId: number): void;
  /** Picks an existing source and keeps the typed name as one of its aliases. */
  onPickWithAlias(sourceId: number, alias: string): void;
  onCreate(source: NewSource): void;
  onClose(): void;
}

type Item = { id: string; source: Source | null; label: string };

const TYPE_LABEL = SOURCE_TYPE_LABELS;
export const SOURCE_TYPE_OPTIONS = SOURCE_TYPES.map((t) => ({ id: t, label: TYPE_LABEL[t] }));

function initialText(phrase: string, sources: readonly Source[]): string {
  return sourceNamedIn(phrase, sources)?.name ?? guessSourceName(phrase);
}

export function SourcePrompt({ phrase, anchor, sources, currentSourceId, onPick, onPickWithAlias, onCreate, onClose }: Props) {
  const [text, setText] = useState(() => initialText(phrase, sources));
  const [step, setStep] = useState<'pick' | 'new'>('pick');
  const [grade, setGrade] = useState<Reliability>('F');
  const [type, setType] = useState<SourceType>('person');
  const anchorRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const items = useMemo<Item[]>(() => {
    const list: Item[] = searchSources(text, sources, 30).map((s) => ({ id: String(s.id), source: s, label: s.name }));
    if (text.trim() && !sourceNamed(text, sources)) list.push({ id: 'new', source: null, label: `Create “${text.trim()}”` });
    return list;
  }, [text, sources]);

  // Enter picks the existing source the text means (exact, surname, or the one prefix match);
  // a new source is made only when none fits, and only after its grade (a second Enter).
  const submitText = () => {
    const best = bestSourceMatch(text, sources);
    if (best) onPick(best.id);
    else if (text.trim()) setStep('new');
  };
  const similar = step === 'new' ? similarSource(text, sources) : null;

  const onSelection = (key: Key | null) => {
    if (key === null) return;
    if (key === 'new') setStep('new');
    else onPick(Number(key));
  };

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // React Aria handles Enter on a highlighted option (onSelection); with none highlighted the
    // typed text decides.
    if (e.key === 'Enter' && !inputRef.current?.getAttribute('aria-activedescendant')) {
      e.preventDefault();
      submitText();
    }
  };

  // Capture phase: the radio under focus would take Enter as a press of itself.
  const onGradeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if ((e.target as HTMLElement).closest('.cs-select')) return;
    const letter = e.key.toUpperCase();
    if (e.key.length === 1 && (RELIABILITY_GRADES as readonly string[]).includes(letter)) {
      e.preventDefault();
      e.stopPropagation();
      setGrade(letter as Reliability);
      e.currentTarget.querySelector<HTMLInputElement>(`input[type=radio][value="${letter}"]`)?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      onCreate({ name: text.trim(), type, reliability: grade });
    }
  };

  const style = anchor
    ? { position: 'fixed' as const, left: anchor.left, top: anchor.top, width: Math.max(1, anchor.width), height: anchor.height }
    : { position: 'fixed' as const, left: '50%', top: '30%', width: 1, height: 1 };

  return (
    <>
      <div ref={anchorRef} style={{ ...style, pointerEvents: 'none' }} aria-hidden="true" />
      <Popover
        triggerRef={anchorRef}
        isOpen
        isNonModal
        placement="bottom start"
        className="cs-popover cs-source-prompt"
        onOpenChange={(open) => !open && onClose()}
      >
        <Dialog className="cs-popover-dialog" aria-label="Source of this attribution">
          {step === 'pick' ? (
            <>
              <p className="cs-hint cs-prompt-hint">Enter picks the source it names, or goes on to a new one · ↓ to choose · Esc skips</p>
              <ComboBox
                className="cs-combobox"
                items={items}
                inputValue={text}
                onInputChange={setText}
                onSelectionChange={onSelection}
                selectedKey={null}
                allowsCustomValue
                allowsEmptyCollection
                menuTrigger="focus"
              >
                <Label className="cs-field-label">Source of “{shorten(phrase, 60)}”</Label>
                <Input ref={inputRef} className="cs-input" autoFocus onKeyDown={onInputKey} placeholder="Name or alias" />
                <Popover className="cs-popover cs-listbox-popover" placement="bottom start" isNonModal>
                  <ListBox<Item> className="cs-listbox" renderEmptyState={() => <div className="cs-hint cs-pad">No source yet: type a name</div>}>
                    {(item) => (
                      <ListBoxItem id={item.id} textValue={item.label} className="cs-listbox-item">
                        {item.source ? (
                          <span className="cs-source-option">
                            <span className="cs-grade" data-grade={item.source.reliability}>
                              {item.source.reliability}
                            </span>
                            <span>{item.source.name}</span>
                            {item.source.aliases.length > 0 && <span className="cs-muted"> · {shorten(item.source.aliases.join(', '), 40)}</span>}
                            {item.source.id === currentSourceId && <span className="cs-muted"> · current</span>}
                          </span>
                        ) : (
                          <span className="cs-create-option">{item.label}</span>
                        )}
                      </ListBoxItem>
                    )}
                  </ListBox>
                </Popover>
              </ComboBox>
            </>
          ) : (
            <div onKeyDownCapture={onGradeKey}>
              <Heading slot="title" className="cs-prompt-title">
                New source “{text.trim()}”
              </Heading>
              {similar && (
                <p className="cs-similar-source">
                  Same as <strong>{similar.name}</strong>?{' '}
                  <Button className="cs-button" onPress={() => onPickWithAlias(similar.id, text.trim())}>
                    Cite {shorten(similar.name, 30)}, keep “{shorten(text.trim(), 30)}” as an alias
                  </Button>
                </p>
              )}
              <RadioGroup
                className="cs-grade-group"
                orientation="horizontal"
                value={grade}
                onChange={(v) => setGrade(v as Reliability)}
              >
                <Label className="cs-field-label">Reliability (press A–F)</Label>
                <div className="cs-grade-radios">
                  {RELIABILITY_GRADES.map((g) => (
                    <Radio key={g} value={g} className="cs-grade-radio" aria-label={RELIABILITY_LABEL[g]} autoFocus={g === grade}>
                      {g}
                    </Radio>
                  ))}
                </div>
                <span className="cs-hint">{RELIABILITY_LABEL[grade]}</span>
              </RadioGroup>
              <ChoiceSelect label="Type" value={type} options={SOURCE_TYPE_OPTIONS} onChange={(t) => setType(t as SourceType)} />
              <div className="cs-dialog-buttons">
                <Button className="cs-button" onPress={() => setStep('pick')}>
                  Back
                </Button>
                <Button className="cs-button cs-primary" onPress={() => onCreate({ name: text.trim(), type, reliability: grade })}>
                  Create and cite (Enter)
                </Button>
              </div>
            </div>
          )}
        </Dialog>
      </Popover>
    </>
  );
}
