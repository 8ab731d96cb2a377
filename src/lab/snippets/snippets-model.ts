/**
 * The snippet library as the lab sees it: the files the server lists (shipped
 * with the package, and the user's own in the Jupyter data directory), parsed
 * by the core (src/core/snippets, front matter + template). A file that cannot
 * be read or parsed is kept as a problem with its reason; the others work.
 */
import { Signal } from '@lumino/signaling';
import { parseSnippet, Snippet } from '../../core/snippets';
import { errorMessage } from '../error-message';
import { fetchSnippets, SnippetFile } from '../server-api';

export interface LibrarySnippet extends Snippet {
  /** Unique in the library: "<language>/<id>" (open.ts and open.py share the id "open"). */
  key: string;
  source: SnippetFile['source'];
  file: string;
}

export class SnippetsModel {
  private _snippets: LibrarySnippet[] = [];
  private _problems: Array<{ file: string; reason: string }> = [];
  private _userFolder = '';
  private _error: string | undefined;
  private readonly _changed = new Signal<SnippetsModel, void>(this);
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.refresh();
  }

  get changed(): Signal<SnippetsModel, void> {
    return this._changed;
  }
  get snippets(): readonly LibrarySnippet[] {
    return this._snippets;
  }
  get problems(): ReadonlyArray<{ file: string; reason: string }> {
    return this._problems;
  }
  get userFolder(): string {
    return this._userFolder;
  }
  /** Why the library could not be listed, if it could not. */
  get error(): string | undefined {
    return this._error;
  }

  /** A snippet by key ("typescript/open"), or by id alone when only one language has it. */
  get(key: string): LibrarySnippet | undefined {
    return this._snippets.find(s => s.key === key) ?? (this._snippets.filter(s => s.id === key).length === 1 ? this._snippets.find(s => s.id === key) : undefined);
  }

  async refresh(): Promise<void> {
    try {
      const listing = await fetchSnippets();
      const snippets: LibrarySnippet[] = [];
      const problems = [...listing.problems];
      for (const file of listing.snippets) {
        try {
          const snippet = parseSnippet(file.text, file.file);
          snippets.push({ ...snippet, key: `${snippet.language}/${snippet.id}`, source: file.source, file: file.file });
        } catch (error) {
          problems.push({ file: file.file, reason: errorMessage('Cannot read the snippet', error) });
        }
      }
      this._snippets = snippets.sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
      this._problems = problems;
      this._userFolder = listing.userFolder;
      this._error = undefined;
    } catch (error) {
      this._error = errorMessage('Cannot list the SWOT snippets', error);
    }
    this._changed.emit();
  }

  /** Snippets whose name, description, tags or language contain every word of `query`. */
  search(query: string): LibrarySnippet[] {
    const words = query.toLowerCase().split(/\s+/).filter(w => w !== '');
    return this._snippets.filter(s => {
      const text = [s.name, s.description, s.language, ...s.tags].join(' ').toLowerCase();
      return words.every(w => text.includes(w));
    });
  }
}
