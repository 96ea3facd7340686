import { UsageError, type Command } from './command';

// The analyst's settings from a terminal: `settings` shows them, `settings --analyst NAME` sets
// the name every report's header shows (and the PDF's author).

export const settingsCommand: Command = {
  usage: 'settings [--analyst NAME] [--db PATH]   show or set the analyst\'s settings; prints {"settings": {...}}',
  options: { analyst: { type: 'string' } },
  async run(app, positionals, values) {
    if (positionals.length) throw new UsageError('settings takes no arguments (use --analyst NAME to set the name)');
    const client = app().client;
    if (typeof values.analyst === 'string') return client.updateSettings({ analystName: values.analyst });
    return client.getSettings({});
  },
};
