import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTickets } from '../../server/src/workspace/fileTickets';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/workspace/settings';

// Settings as a client may send them, malformed parts included, and the tickets a full index
// forgets before it lists the folders again.

describe('settings from the client', () => {
  it('keep article dates that are dates, keyed by the path without a leading ./ or /', () => {
    const settings = mergeSettings({ articleDates: { './a.txt': '2024-03-05', '/b.txt': '2024-03-06', 'sub/c.txt': '2024-03-07', 'd.txt': 'on 2024-03-08', 'e.txt': '2024-03-09 noon', 'f.txt': ['2024-03-10'], 'g.txt': 20240311 } }, {});
    assert.deepEqual({ ...settings.articleDates }, { 'a.txt': '2024-03-05', 'b.txt': '2024-03-06', 'sub/c.txt': '2024-03-07' });
  });

  it('are the defaults when the client sends none, as when it cannot send any', () => {
    const none = mergeSettings(undefined, undefined);
    assert.deepEqual({ ...none, articleDates: { ...none.articleDates } }, { ...DEFAULT_SETTINGS, articleDates: {} });
  });

  it('read null article dates and globs that are not strings as none', () => {
    const settings = mergeSettings({ articleDates: null, articles: [['**/*.md'], '', '**/*.news'] }, null);
    assert.deepEqual({ ...settings.articleDates }, {});
    assert.deepEqual(settings.articles, ['**/*.news']);
    assert.deepEqual(settings.exclude, []);
  });
});

describe('file tickets', () => {
  it('forget the files not kept: their outstanding work is stale, the kept files’ work still current', () => {
    const tickets = new FileTickets();
    const kept = tickets.take('file:///kept.txt');
    const gone = tickets.take('file:///gone.txt');
    tickets.forgetExcept((uri) => uri === 'file:///kept.txt');
    assert.equal(tickets.isCurrent('file:///kept.txt', kept), true);
    assert.equal(tickets.isCurrent('file:///gone.txt', gone), false);
    assert.equal(tickets.touchedSince('file:///kept.txt', 0), true);
    assert.equal(tickets.touchedSince('file:///gone.txt', 0), false);
  });
});
