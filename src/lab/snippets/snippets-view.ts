/**
 * The Snippets section of the SWOT sidebar: search, a list (name, language,
 * tags), a preview of the code as it will be inserted (filled from the data
 * browser's selection, else from the sample dataset), and Insert, below the
 * active cell or at the cursor. Text from snippet files is set as text only.
 */
import { Widget } from '@lumino/widgets';
import { el } from '../dom';
import type { InsertMode } from '../browser/notebook-code';
import { LibrarySnippet, SnippetsModel } from './snippets-model';

export interface SnippetsViewOptions {
  model: SnippetsModel;
  /** The code of a snippet as it would be inserted now. */
  fill(snippet: LibrarySnippet): string;
  /** Insert it; resolves to the message for the user. */
  insert(snippet: LibrarySnippet, mode: InsertMode): Promise<{ ok: boolean; message: string }>;
}

export class SnippetsView extends Widget {
  private readonly search = el('input', 'jp-swot-snippets-search jp-mod-styled');
  private readonly mode = el('select', 'jp-swot-snippets-mode jp-mod-styled');
  private readonly list = el('ul', 'jp-swot-snippets-list');
  private readonly preview = el('div', 'jp-swot-snippets-preview');
  private readonly status = el('div', 'jp-swot-snippets-status');
  private selected: string | null = null;

  constructor(private readonly options: SnippetsViewOptions) {
    super();
    this.addClass('jp-swot-snippets');
    this.id = 'jupyterlab-swot-snippets';
    this.title.label = 'Snippets';
    this.search.type = 'search';
    this.search.placeholder = 'Search snippets (e.g. currents, python)';
    this.search.setAttribute('aria-label', 'Search SWOT snippets');
    this.search.addEventListener('input', () => this.render());
    for (const [value, label] of [
      ['below', 'Insert below the active cell'],
      ['cursor', 'Insert at the cursor']
    ]) {
      const option = el('option', '', label);
      option.value = value;
      this.mode.append(option);
    }
    this.mode.setAttribute('aria-label', 'Where snippets are inserted');
    this.node.append(el('h3', 'jp-swot-sectionTitle', 'Snippets'), this.search, this.mode, this.status, this.list, this.preview);
    options.model.changed.connect(this.render, this);
    this.render();
  }

  dispose(): void {
    this.options.model.changed.disconnect(this.render, this);
    super.dispose();
  }

  /** Show (and select) a snippet, as a click does. */
  showSnippet(key: string): void {
    this.selected = key;
    this.render();
  }

  private render(): void {
    const { model } = this.options;
    const found = model.search(this.search.value);
    const problems = model.problems.map(p => `${p.file}: ${p.reason}`);
    this.status.replaceChildren(...(model.error ? [model.error] : []).concat(problems).map(t => el('div', 'jp-swot-error', t)));
    this.list.replaceChildren(
      ...found.map(s => {
        const row = el('li', `jp-swot-snippet${s.key === this.selected ? ' jp-mod-selected' : ''}`);
        row.dataset.snippetKey = s.key;
        row.tabIndex = 0;
        row.title = s.description;
        row.append(el('span', `jp-swot-snippet-language jp-swot-language-${s.language}`, s.language === 'typescript' ? 'TS' : 'PY'), el('span', 'jp-swot-snippet-name', s.name));
        if (s.source === 'user') {
          row.append(el('span', 'jp-swot-snippet-user', 'mine'));
        }
        const pick = () => this.showSnippet(s.key);
        row.addEventListener('click', pick);
        row.addEventListener('keydown', e => e.key === 'Enter' && pick());
        return row;
      })
    );
    if (found.length === 0 && !model.error) {
      this.list.append(el('li', 'jp-swot-empty', 'No snippet matches.'));
    }
    this.renderPreview();
  }

  private renderPreview(): void {
    const snippet = this.selected ? this.options.model.get(this.selected) : undefined;
    this.preview.replaceChildren();
    if (!snippet) {
      return;
    }
    const insert = el('button', 'jp-swot-snippet-insert jp-mod-styled', 'Insert');
    const say = el('div', 'jp-swot-snippet-message');
    insert.addEventListener('click', () => {
      void this.options.insert(snippet, this.mode.value as InsertMode).then(({ ok, message }) => {
        say.textContent = message;
        say.classList.toggle('jp-mod-error', !ok);
      });
    });
    let code: string;
    try {
      code = this.options.fill(snippet);
    } catch (error) {
      code = '';
      say.textContent = error instanceof Error ? error.message : String(error);
      say.classList.add('jp-mod-error');
      insert.disabled = true;
    }
    const tags = snippet.tags.length > 0 ? ` · ${snippet.tags.join(', ')}` : '';
    this.preview.append(
      el('h4', 'jp-swot-snippet-title', snippet.name),
      el('p', 'jp-swot-snippet-description', `${snippet.description}${tags}`),
      el('pre', 'jp-swot-snippet-code', code),
      insert,
      say
    );
  }
}
