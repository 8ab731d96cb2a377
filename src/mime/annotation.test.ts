import { emptyAnnotation, plotlyText } from './annotation';

describe('the message of a figure with nothing to draw', () => {
  it('is an annotation at the centre of the plot, lines broken at spaces under 60 characters', () => {
    const message =
      'nothing to draw: the selection has 0 lines (no line matches cycles 99; the dataset holds 9,860 lines: cycle 26; pass 165)';
    const a = emptyAnnotation(message);
    expect(a).toMatchObject({ xref: 'paper', yref: 'paper', x: 0.5, y: 0.5, showarrow: false });
    const lines = a.text.split('<br>');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every(l => l.length < 60)).toBe(true);
    expect(lines.join(' ')).toBe(message);
  });

  it('escapes text from files so plotly never reads it as markup', () => {
    expect(plotlyText('<b>a & b</b>')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt;');
    expect(emptyAnnotation('all 3 values of <x> are missing').text).toBe('all 3 values of &lt;x&gt; are missing');
  });
});
