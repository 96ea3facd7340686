import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

// A labelled single choice (React Aria Select): status, credibility, grade, type, filters.

export interface Choice {
  id: string;
  label: string;
}

interface Props {
  label: string;
  value: string;
  options: readonly Choice[];
  onChange(value: string): void;
  /** Hide the label visually; it still names the control. */
  compact?: boolean;
  className?: string;
  isDisabled?: boolean;
}

export function ChoiceSelect({ label, value, options, onChange, compact, className, isDisabled }: Props) {
  return (
    <Select
      className={`cs-select${compact ? ' cs-select-compact' : ''}${className ? ' ' + className : ''}`}
      aria-label={compact ? label : undefined}
      value={value}
      onChange={(key) => key !== null && onChange(String(key))}
      isDisabled={isDisabled}
    >
      {!compact && <Label className="cs-field-label">{label}</Label>}
      <Button className="cs-select-button">
        <SelectValue />
        <span aria-hidden="true" className="cs-chevron">
          ▾
        </span>
      </Button>
      <Popover className="cs-popover cs-listbox-popover">
        <ListBox className="cs-listbox" items={options}>
          {(o) => (
            <ListBoxItem id={o.id} className="cs-listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
