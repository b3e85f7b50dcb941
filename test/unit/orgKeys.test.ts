import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeArticle } from '../../server/src/analysis/analyzeArticle';
import { normaliseOrg } from '../../server/src/analysis/names/assignKeys';

describe('Government bodies written two ways', () => {
  it('are one key with or without a country in front, however the body is ordered', () => {
    assert.equal(normaliseOrg('US State Department'), normaliseOrg('US Department of State'));
    assert.equal(normaliseOrg('U.S. State Department'), normaliseOrg('United States Department of State'));
    assert.equal(normaliseOrg('Russian Defence Ministry'), 'russian ministry of defense');
    assert.equal(normaliseOrg('Foreign Affairs Ministry'), 'ministry of foreign affairs');
    // Another country's body stays another body.
    assert.notEqual(normaliseOrg('Russian Defence Ministry'), normaliseOrg('Ukrainian Defence Ministry'));
  });

  it('link in an article as the reader expects (a sample article written for this test)', () => {
    const text = [
      'Envoy recalled',
      '',
      'Officials from the US Department of State said on Monday that the envoy would return. A US State Department spokesman said the talks were over.',
    ].join('\n');
    const orgs = analyzeArticle(text).entities.filter((e) => e.kind === 'org' && /State/.test(e.text));
    assert.deepEqual(
      orgs.map((e) => [e.text, e.key]),
      [
        ['US Department of State', 'org:us department of state'],
        ['US State Department', 'org:us department of state'],
      ],
    );
  });
});
